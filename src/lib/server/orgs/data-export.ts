import JSZip from 'jszip';
import { sql } from 'kysely';
import { db, type Db } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/actor';
import { ForbiddenError } from '$lib/server/errors';
import { recordAudit } from '$lib/server/audit/record';
import { listPublishedRounds } from '$lib/server/results/rounds';
import { comparison } from '$lib/server/results/benchmark-choice';
import { reportData } from '$lib/server/reports/data';
import { renderCsv, renderWideCsv } from '$lib/server/reports/csv';
import { slugPart } from '$lib/server/exports/filename';
import { safeText } from '$lib/server/reports/safe-cell';
import { ORGANIZATION } from '$lib/results/view';

/**
 * The tables an organization's export holds whole (but for the columns named), one JSON file each.
 * Never answers, drafts, aggregates or invitations: figures leave SOS only through what a viewer may
 * see (the per-round reports below), and nothing links a person to an answer.
 */
const TABLES: { file: string; table: string; order: string; omit?: string[] }[] = [
	{ file: 'units', table: 'units', order: 'created_at' },
	{ file: 'rounds', table: 'rounds', order: 'created_at', omit: ['participants', 'unit_tree'] },
	{ file: 'company-questions', table: 'org_questions', order: 'created_at' },
	{ file: 'actions', table: 'actions', order: 'created_at' },
	{ file: 'action-notes', table: 'action_notes', order: 'created_at' },
	{ file: 'decisions', table: 'decisions', order: 'created_at' },
	{ file: 'experiments', table: 'experiments', order: 'created_at' },
	{ file: 'kpis', table: 'kpis', order: 'id' },
	{ file: 'kpi-values', table: 'kpi_values', order: 'month' },
	{ file: 'kpi-value-changes', table: 'kpi_value_changes', order: 'id' },
	{ file: 'kpi-reviews', table: 'kpi_reviews', order: 'created_at' },
	{ file: 'sales-agendas', table: 'sales_agendas', order: 'id' },
	{ file: 'api-tokens', table: 'api_tokens', order: 'created_at', omit: ['token_hash'] },
	{ file: 'single-sign-on', table: 'sso_connections', order: 'created_at', omit: ['client_secret_sealed'] },
	{ file: 'provisioning-tokens', table: 'scim_tokens', order: 'created_at', omit: ['token_hash'] },
	{ file: 'provisioning-settings', table: 'scim_settings', order: 'updated_at' },
	{ file: 'provisioning-events', table: 'scim_events', order: 'id' },
	{ file: 'billing-details', table: 'billing_accounts', order: 'organization_id' },
	{ file: 'invoices', table: 'invoices', order: 'number' },
	{ file: 'audit-log', table: 'audit_events', order: 'id' }
];

const PEOPLE_COLUMNS = ['name', 'email', 'language', 'unit', 'job_role', 'access', 'scope_unit', 'created_at'] as const;

/**
 * Everything SOS holds about the organization, for its admin (the right of access and portability): a
 * zip of JSON files, the people also as CSV, and each published round's results as its organization
 * report shows them to the admin (wide and long CSV). Audit-logged.
 */
export async function exportOrganizationData(opts: { actor: Actor; now?: Date }, executor: Db = db()): Promise<{ body: Buffer; filename: string }> {
	const m = opts.actor.membership;
	if (!m || m.access !== 'admin') throw new ForbiddenError();
	const organizationId = m.organizationId;
	const zip = new JSZip();
	const now = opts.now ?? new Date();
	const org = await executor
		.selectFrom('organizations')
		.select([
			'id',
			'name',
			'industry',
			'country',
			'size_band',
			'sales_model',
			'level_names',
			'created_at',
			'audit_retention_months',
			'invitation_retention_months'
		])
		.where('id', '=', organizationId)
		.executeTakeFirstOrThrow();
	zip.file('organization.json', json(org));
	const people = await peopleOf(organizationId, executor);
	zip.file('people.json', json(people));
	zip.file('people.csv', csv(PEOPLE_COLUMNS, people));
	for (const t of TABLES) zip.file(`${t.file}.json`, json(await rowsOf(organizationId, t, executor)));
	for (const round of await listPublishedRounds({ organizationId }, executor)) {
		const data = await reportData(
			{ actor: opts.actor, roundId: round.id, unitId: ORGANIZATION, locale: m.language, choice: comparison.parse({}), now },
			executor
		);
		const name = `results/${round.closedAt?.toISOString().slice(0, 10) ?? 'open'}-${slugPart(round.name) || round.id}`;
		zip.file(`${name}-units.csv`, renderWideCsv(data));
		zip.file(`${name}-all-figures.csv`, renderCsv(data));
	}
	zip.file('README.txt', README);
	const body = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
	await recordAudit({ organizationId, actor: opts.actor.label, action: 'organization_exported', details: { people: people.length } }, executor);
	return { body, filename: `sos-${slugPart(org.name) || 'organization'}-data-${now.toISOString().slice(0, 10)}.zip` };
}

async function peopleOf(organizationId: string, executor: Db) {
	return executor
		.selectFrom('users as u')
		.leftJoin('units as unit', (j) => j.onRef('unit.organization_id', '=', 'u.organization_id').onRef('unit.id', '=', 'u.unit_id'))
		.leftJoin('units as scope', (j) => j.onRef('scope.organization_id', '=', 'u.organization_id').onRef('scope.id', '=', 'u.scope_unit_id'))
		.select(['u.name', 'u.email', 'u.language', 'unit.name as unit', 'u.job_role', 'u.access', 'scope.name as scope_unit', 'u.created_at'])
		.where('u.organization_id', '=', organizationId)
		.orderBy('u.email')
		.execute();
}

async function rowsOf(organizationId: string, t: (typeof TABLES)[number], executor: Db): Promise<Record<string, unknown>[]> {
	const { rows } = await sql<
		Record<string, unknown>
	>`SELECT * FROM ${sql.table(t.table)} WHERE organization_id = ${organizationId} ORDER BY ${sql.ref(t.order)}`.execute(executor);
	const omit = new Set(['organization_id', ...(t.omit ?? [])]);
	return rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !omit.has(k))));
}

const json = (v: unknown) => `${JSON.stringify(v, (_, x) => (typeof x === 'bigint' ? x.toString() : x), 2)}\n`;

function csv(columns: readonly string[], rows: Record<string, unknown>[]): string {
	const cell = (v: unknown) => {
		const s = v instanceof Date ? v.toISOString() : v === null || v === undefined ? '' : String(v);
		const safe = safeText(s);
		return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
	};
	return `\uFEFF${[columns.join(','), ...rows.map((r) => columns.map((c) => cell(r[c])).join(','))].join('\r\n')}\r\n`;
}

const README = `SOS — everything SOS holds about your organization

organization.json      the organization and its settings
people.json, .csv      everyone in the organization: name, email, language, unit, job role, access
units.json             the units (parent_id gives the tree)
rounds.json            the survey rounds: dates, model, status (never who answered what)
company-questions.json your own questions
results/               per published round, the organization's results as its report shows them to an admin:
                       <round>-units.csv (units x areas) and <round>-all-figures.csv (every table, one figure per line)
actions.json, action-notes.json, decisions.json, experiments.json     your follow-up
kpis.json, kpi-values.json, kpi-value-changes.json, kpi-reviews.json, sales-agendas.json   KPI data, where you use it
api-tokens.json        your API tokens (names and dates; never the secret)
single-sign-on.json    your identity provider connection (never its secret)
provisioning-*.json    SCIM provisioning: tokens (never the secret), attribute mappings, the last events
billing-details.json, invoices.json   billing
audit-log.json         the audit log, as long as your retention setting keeps it

Survey answers are anonymous: no file links a person to an answer, and results appear only where the
anonymity rules allow them to be shown.
`;
