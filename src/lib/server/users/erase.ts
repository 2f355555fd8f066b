import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { z } from 'zod';
import { db, type Db } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/actor';
import { ValidationError } from '$lib/server/errors';
import { recordAudit } from '$lib/server/audit/record';
import { getUser } from './queries';
import { assertNotLastAdmin, releaseOwnership } from './mutations';

/**
 * Columns that hold who did something as a label (a member's email, see Actor.label). Erasing a person
 * replaces their email there with the pseudonym (never a name: names are not unique). A test checks that every other text column of the
 * schema is either listed here, handled below, or cannot hold a person's email.
 */
export const LABEL_COLUMNS = [
	['actions', 'created_by'],
	['api_tokens', 'created_by'],
	['decisions', 'created_by'],
	['experiments', 'created_by'],
	['kpi_reviews', 'created_by'],
	['kpi_reviews', 'closed_by'],
	['kpi_value_changes', 'changed_by'],
	['kpi_values', 'updated_by'],
	['report_exports', 'requested_by'],
	['rounds', 'created_by'],
	['sales_agendas', 'decided_by'],
	['sales_agendas', 'recorded_by'],
	['user_imports', 'created_by'],
	['scim_tokens', 'created_by'],
	['scim_settings', 'updated_by'],
	['sso_connections', 'updated_by'],
	['audit_events', 'actor'],
	['audit_events', 'target']
] as const;

export const erasureInput = z.strictObject({ confirmEmail: z.string().trim().toLowerCase().describe('The person’s email address, as confirmation.') });

export interface Erasure {
	pseudonym: string;
}

/**
 * Erases a person (the right to erasure): their user row goes, their email and name are replaced by a
 * pseudonym wherever SOS kept them as a label (the audit log, who created what, notes they wrote, import previews),
 * their invitations lose the address and the link to them, their personal KPI values go, and their
 * account goes too unless another organization still has them. Their survey answers stay: nothing links
 * them to the person. The caller confirms by typing the person's email. One transaction.
 */
export async function erasePerson(opts: { organizationId: string; actor: Actor; userId: string; input: unknown }, executor: Db = db()): Promise<Erasure> {
	const parsed = erasureInput.safeParse(opts.input);
	return executor.transaction().execute(async (trx) => {
		const user = await getUser(opts, trx);
		if (!parsed.success || parsed.data.confirmEmail !== user.email)
			throw new ValidationError('confirmEmail: Type the person’s email address to confirm.', [
				{ path: 'confirmEmail', message: 'Type the person’s email address to confirm.' }
			]);
		if (user.access === 'admin') await assertNotLastAdmin(opts.organizationId, user.id, trx);
		const pseudonym = `Erased person ${randomBytes(4).toString('hex')}`;
		const org = opts.organizationId;
		await releaseOwnership(org, user.id, trx);
		await pseudonymiseLabels({ organizationId: org, email: user.email, name: user.name, userId: user.id, pseudonym }, trx);
		await trx
			.updateTable('invitations')
			.set({ email: '', user_id: sql<string>`gen_random_uuid()` })
			.where('organization_id', '=', org)
			.where('user_id', '=', user.id)
			.execute();
		// The provider's subject identifies the person: their link to single sign-on goes.
		await trx.deleteFrom('sso_identities').where('organization_id', '=', org).where('user_id', '=', user.id).execute();
		await trx
			.updateTable('sso_connections')
			.set({ break_glass_user_id: null })
			.where('organization_id', '=', org)
			.where('break_glass_user_id', '=', user.id)
			.execute();
		await trx.updateTable('scim_events').set({ user_id: null }).where('organization_id', '=', org).where('user_id', '=', user.id).execute();
		await trx.deleteFrom('kpi_value_changes').where('organization_id', '=', org).where('user_id', '=', user.id).execute();
		await trx.deleteFrom('users').where('organization_id', '=', org).where('id', '=', user.id).execute();
		await trx
			.updateTable('billable_presence')
			.set({ email: pseudonym.toLowerCase() })
			.where('organization_id', '=', org)
			.where('email', '=', user.email)
			.execute();
		await trx
			.updateTable('billing_accounts')
			.set({ contact_email: '', contact_name: '' })
			.where('organization_id', '=', org)
			.where('contact_email', '=', user.email)
			.execute();
		await eraseAccountIfUnused(org, user.email, pseudonym, trx);
		await recordAudit({ organizationId: org, actor: opts.actor.label, action: 'person_erased', target: pseudonym }, trx);
		return { pseudonym };
	});
}

async function pseudonymiseLabels(p: { organizationId: string; email: string; name: string; userId: string; pseudonym: string }, trx: Db): Promise<void> {
	const [email, pseudonym, name] = [jsonText(p.email), jsonText(p.pseudonym), `"${jsonText(p.name)}"`];
	// The audit log's details may name the person: their email anywhere; their name as a whole value, and only
	// in the events by or about them (a name is not unique: erasing a namesake must not rewrite someone else's).
	await sql`UPDATE audit_events SET details = replace(details::text, ${name}, ${`"${pseudonym}"`})::jsonb
		WHERE organization_id = ${p.organizationId} AND (target = ${p.email} OR actor = ${p.email}) AND details::text LIKE ${like(name)}`.execute(trx);
	await sql`UPDATE audit_events SET details = replace(details::text, ${email}, ${pseudonym})::jsonb
		WHERE organization_id = ${p.organizationId} AND details::text LIKE ${like(email)}`.execute(trx);
	// Labels are emails: matched exactly, never by name.
	for (const [table, column] of LABEL_COLUMNS)
		await sql`UPDATE ${sql.table(table)} SET ${sql.ref(column)} = ${p.pseudonym} WHERE organization_id = ${p.organizationId} AND ${sql.ref(column)} = ${p.email}`.execute(
			trx
		);
	await trx
		.updateTable('action_notes')
		.set({ author: p.pseudonym, author_id: null })
		.where('organization_id', '=', p.organizationId)
		.where('author_id', '=', p.userId)
		.execute();
	// An import's preview keeps the file's rows: the person's row loses their email and name.
	await sql`UPDATE user_imports SET preview = replace(replace(preview::text, ${name}, ${`"${pseudonym}"`}), ${email}, ${pseudonym})::jsonb
		WHERE organization_id = ${p.organizationId} AND preview::text LIKE ${like(email)}`.execute(trx);
}

/** The account (the email's sign-in) goes with the last organization that has the person. */
async function eraseAccountIfUnused(organizationId: string, email: string, pseudonym: string, trx: Db): Promise<void> {
	const elsewhere = await trx.selectFrom('users').select('organization_id').where('email', '=', email).limit(1).executeTakeFirst();
	if (elsewhere) {
		// Signed in here, they are signed out of this organization at once.
		const account = trx.selectFrom('accounts').select('id').where('email', '=', email);
		await trx.deleteFrom('sessions').where('organization_id', '=', organizationId).where('account_id', 'in', account).execute();
		return;
	}
	await trx.deleteFrom('accounts').where('email', '=', email).where('is_operator', '=', false).execute();
	await trx.updateTable('global_audit_events').set({ actor: pseudonym }).where('actor', '=', email).execute();
	await trx.updateTable('global_audit_events').set({ target: pseudonym }).where('target', '=', email).execute();
	await sql`UPDATE global_audit_events SET details = replace(details::text, ${jsonText(email)}, ${jsonText(pseudonym)})::jsonb WHERE details::text LIKE ${like(jsonText(email))}`.execute(
		trx
	);
	await trx.deleteFrom('rate_limits').where('key', 'like', like(email)).execute();
}

/** A string as it appears inside JSON text (quotes and backslashes escaped, no surrounding quotes). */
const jsonText = (s: string) => JSON.stringify(s).slice(1, -1);
const like = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
