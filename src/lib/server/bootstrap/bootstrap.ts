import { startTrial } from '$lib/server/billing/subscriptions';
import { dateIn } from '$lib/server/billing/dates';
import { sql } from 'kysely';
import { randomBytes } from 'node:crypto';
import { db, type Db } from '$lib/server/db';
import { hashPassword } from '$lib/server/auth/passwords';
import { recordAudit } from '$lib/server/audit/record';
import { demoExecutives, demoOrganization, demoPerson, demoUnitAttributes, demoTree } from './demo-data';

export interface Credential {
	role: string;
	email: string;
	password: string;
}

const BOOTSTRAP_LOCK = 0x5050_0001;

/** The places the demo's trial has beyond its generated people, for trying out adding people and imports. */
const DEMO_TRIAL_ROOM = 30;
/** A readable generated password, e.g. "k7pq-2mzx-h4rt-9wae" (~80 bits). */
function generatePassword(): string {
	const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
	const bytes = randomBytes(16);
	const chars = [...bytes].map((b) => alphabet[b % alphabet.length]);
	return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

async function createAccount(email: string, isOperator: boolean, executor: Db = db()): Promise<string> {
	const password = generatePassword();
	await executor
		.insertInto('accounts')
		.values({ email, password_hash: await hashPassword(password), is_operator: isOperator })
		.execute();
	return password;
}

async function createDemoOrganization(executor: Db = db()): Promise<Credential> {
	const d = demoOrganization;
	const org = await executor
		.insertInto('organizations')
		.values({
			name: d.name,
			industry: d.industry,
			country: d.country,
			size_band: d.sizeBand,
			sales_model: d.salesModel,
			level_names: [...d.levelNames],
			is_demo: true
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	const addUnit = async (name: string, parentId: string | null) =>
		(
			await executor
				.insertInto('units')
				.values({ organization_id: org.id, name, parent_id: parentId, attributes: JSON.stringify(demoUnitAttributes[name] ?? {}) })
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
	let n = 0;
	const people: { name: string; email: string; unit: string; role: string; access: 'participant' | 'viewer' }[] = [];
	// Executives and sales support answer the ecosystem audit only (the SOS model does not ask their groups).
	const later: { unit: string; role: string; access: 'participant' | 'viewer' }[] = [];
	for (const [area, regions] of Object.entries(demoTree)) {
		const areaId = await addUnit(area, null);
		for (let i = 0; i < demoExecutives[area]; i++) later.push({ unit: areaId, role: 'executive', access: 'viewer' });
		for (const [region, teams] of Object.entries(regions)) {
			const regionId = await addUnit(region, areaId);
			people.push({ ...demoPerson(n++), unit: regionId, role: 'sales_manager', access: 'viewer' });
			for (let i = 0; i < 2; i++) later.push({ unit: regionId, role: 'sales_support', access: 'participant' });
			for (const team of teams) {
				const teamId = await addUnit(team, regionId);
				people.push({ ...demoPerson(n++), unit: teamId, role: 'sales_manager', access: 'viewer' });
				for (let i = 0; i < 5; i++) people.push({ ...demoPerson(n++), unit: teamId, role: 'sales_person', access: 'participant' });
			}
		}
	}
	for (const p of later) people.push({ ...demoPerson(n++), ...p });
	await executor
		.insertInto('users')
		.values(
			people.map((p) => ({
				organization_id: org.id,
				name: p.name,
				email: p.email,
				language: 'en' as const,
				unit_id: p.unit,
				job_role: p.role,
				access: p.access,
				scope_unit_id: p.access === 'viewer' ? p.unit : null
			}))
		)
		.execute();
	const admin = { name: 'Demo Admin', email: 'admin@demo.example' };
	await executor.insertInto('users').values({ organization_id: org.id, name: admin.name, email: admin.email, language: 'en', access: 'admin' }).execute();
	await startTrial({ organizationId: org.id, today: dateIn(new Date()), minUsers: people.length + 1 + DEMO_TRIAL_ROOM }, executor);
	await recordAudit({ organizationId: org.id, actor: 'system', action: 'organization_created', target: d.name, details: { demo: true } }, executor);
	return { role: 'demo organization admin', email: admin.email, password: await createAccount(admin.email, false, executor) };
}

/**
 * On the first start against an empty database: an operator account and (unless SOS_DEMO=off) the
 * demo organization. Returns the generated credentials to print; [] when the database was not empty.
 * Runs under an advisory lock so two instances starting together create these once.
 */
export async function bootstrap(opts: { demo: boolean }, executor: Db = db()): Promise<Credential[]> {
	return executor.transaction().execute(async (trx) => {
		await sql`SELECT pg_advisory_xact_lock(${BOOTSTRAP_LOCK})`.execute(trx);
		const account = await trx.selectFrom('accounts').select('id').limit(1).executeTakeFirst();
		const org = await trx.selectFrom('organizations').select('id').limit(1).executeTakeFirst();
		if (account || org) return [];
		const out: Credential[] = [{ role: 'SOS operator', email: 'operator@sos.example', password: await createAccount('operator@sos.example', true, trx) }];
		if (opts.demo) out.unshift(await createDemoOrganization(trx));
		return out;
	});
}
