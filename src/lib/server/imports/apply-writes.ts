import { sql, type Transaction } from 'kysely';
import type { Database } from '$lib/server/db/schema';
import { unitPathKey } from './text';
import type { ImportRecord } from './types';

type Trx = Transaction<Database>;

/**
 * Creates the units the records need that do not exist yet, one bulk insert per level (parents
 * first). Adds the new ids to `unitIdByKey` and returns how many units were created.
 */
export async function createMissingUnits(
	trx: Trx,
	opts: { organizationId: string; records: readonly Pick<ImportRecord, 'unitPath'>[]; unitIdByKey: Map<string, string> }
): Promise<number> {
	const { organizationId, records, unitIdByKey } = opts;
	const depth = records.reduce((max, r) => Math.max(max, r.unitPath.length), 0);
	let created = 0;
	for (let d = 1; d <= depth; d++) {
		const batch = new Map<string, { parentId: string | null; name: string }>();
		for (const r of records) {
			if (r.unitPath.length < d) continue;
			const path = r.unitPath.slice(0, d);
			const key = unitPathKey(path);
			if (unitIdByKey.has(key) || batch.has(key)) continue;
			const parentId = d === 1 ? null : (unitIdByKey.get(unitPathKey(path.slice(0, -1))) ?? null);
			batch.set(key, { parentId, name: path[d - 1] });
		}
		if (batch.size === 0) continue;
		const items = [...batch.entries()];
		const inserted = await sql<{ id: string; parent_id: string | null; name: string }>`
			INSERT INTO units (organization_id, parent_id, name)
			SELECT ${organizationId}::uuid, t.parent_id, t.name
			FROM unnest(${items.map(([, u]) => u.parentId)}::uuid[], ${items.map(([, u]) => u.name)}::text[]) AS t(parent_id, name)
			RETURNING id, parent_id, name`.execute(trx);
		const keyOf = new Map(items.map(([key, u]) => [`${u.parentId ?? ''}\u001f${u.name}`, key]));
		for (const row of inserted.rows) {
			const key = keyOf.get(`${row.parent_id ?? ''}\u001f${row.name}`);
			if (key) unitIdByKey.set(key, row.id);
		}
		created += inserted.rows.length;
	}
	return created;
}

export interface WrittenUser {
	id: string;
	email: string;
	access: string;
	scope_unit_id: string | null;
	access_before: string | null;
	scope_before: string | null;
}

/**
 * Inserts or updates the given users by (organization_id, email) in one statement. An existing
 * admin keeps admin access and scope even if that changed after validation. Returns each written
 * user with its access and scope before and after.
 */
export async function upsertUsers(
	trx: Trx,
	opts: { organizationId: string; records: readonly ImportRecord[]; unitIdByKey: ReadonlyMap<string, string> }
): Promise<WrittenUser[]> {
	const { organizationId, records, unitIdByKey } = opts;
	if (records.length === 0) return [];
	const unitIds = records.map((r) => unitIdByKey.get(unitPathKey(r.unitPath)) ?? null);
	const scopes = records.map((r, i) => (r.access === 'viewer' ? unitIds[i] : null));
	const result = await sql<WrittenUser>`
		WITH input AS (
			SELECT * FROM unnest(
				${records.map((r) => r.name)}::text[], ${records.map((r) => r.email)}::text[],
				${records.map((r) => r.language)}::text[], ${unitIds}::uuid[],
				${records.map((r) => r.jobRole)}::text[], ${records.map((r) => r.access)}::text[], ${scopes}::uuid[]
			) AS t(name, email, language, unit_id, job_role, access, scope_unit_id)
		),
		before AS (
			SELECT u.email, u.access, u.scope_unit_id FROM users u
			WHERE u.organization_id = ${organizationId}::uuid AND u.email IN (SELECT email FROM input)
		),
		written AS (
			INSERT INTO users AS u (organization_id, name, email, language, unit_id, job_role, access, scope_unit_id)
			SELECT ${organizationId}::uuid, name, email, language, unit_id, job_role, access, scope_unit_id FROM input
			ON CONFLICT (organization_id, email) DO UPDATE SET
				name = excluded.name,
				language = excluded.language,
				unit_id = excluded.unit_id,
				job_role = excluded.job_role,
				access = CASE WHEN u.access = 'admin' THEN u.access ELSE excluded.access END,
				scope_unit_id = CASE WHEN u.access = 'admin' THEN u.scope_unit_id ELSE excluded.scope_unit_id END,
				updated_at = now()
			WHERE u.organization_id = ${organizationId}::uuid
			RETURNING u.id, u.email, u.access, u.scope_unit_id
		)
		SELECT w.id, w.email, w.access, w.scope_unit_id, b.access AS access_before, b.scope_unit_id AS scope_before
		FROM written w LEFT JOIN before b ON b.email = w.email`.execute(trx);
	return result.rows;
}

/** One 'access_changed' audit event per existing user whose access or viewer scope changed. */
export async function recordAccessChanges(
	trx: Trx,
	opts: { organizationId: string; actor: string; ip: string | null; importId: string; written: readonly WrittenUser[] }
): Promise<number> {
	const changed = opts.written.filter((w) => w.access_before !== null && (w.access_before !== w.access || w.scope_before !== w.scope_unit_id));
	if (changed.length === 0) return 0;
	const details = changed.map((w) => JSON.stringify({ from: w.access_before, to: w.access, scopeUnitId: w.scope_unit_id, importId: opts.importId }));
	await sql`
		INSERT INTO audit_events (organization_id, actor, action, target, details, ip)
		SELECT ${opts.organizationId}::uuid, ${opts.actor.slice(0, 320)}, 'access_changed', t.target, t.details::jsonb, ${opts.ip}
		FROM unnest(${changed.map((w) => w.email)}::text[], ${details}::text[]) AS t(target, details)`.execute(trx);
	return changed.length;
}

/** Sets the attribute values the records give their units (unit_ columns), keeping the units' other attributes. */
export async function writeUnitAttributes(
	trx: Trx,
	opts: { organizationId: string; records: readonly ImportRecord[]; unitIdByKey: ReadonlyMap<string, string> }
): Promise<void> {
	const byUnit = new Map<string, Record<string, string>>();
	for (const r of opts.records) {
		const id = opts.unitIdByKey.get(unitPathKey(r.unitPath));
		if (id && Object.keys(r.unitAttributes).length > 0) byUnit.set(id, { ...byUnit.get(id), ...r.unitAttributes });
	}
	if (byUnit.size === 0) return;
	const items = [...byUnit];
	await sql`
		UPDATE units AS u SET attributes = u.attributes || t.attributes::jsonb
		FROM unnest(${items.map(([id]) => id)}::uuid[], ${items.map(([, a]) => JSON.stringify(a))}::text[]) AS t(id, attributes)
		WHERE u.organization_id = ${opts.organizationId}::uuid AND u.id = t.id`.execute(trx);
}
