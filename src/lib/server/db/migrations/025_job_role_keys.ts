import { sql, type Kysely } from 'kysely';

/**
 * Job roles are the respondent groups of the organization's models (issue 15: each model declares its groups;
 * an operator may add models with groups of their own), so the database no longer lists them: users.job_role
 * and invitations.job_role only have to look like a group key (models/schema.ts's key format). Which keys are
 * known is checked where a role is set (users/job-role.ts, the import). Responses and aggregates were plain
 * text already. Existing rows keep their roles.
 */
const KEY = `'^[a-z][a-z0-9_]{0,59}$'`;

export async function up(db: Kysely<unknown>): Promise<void> {
	await sql`
	ALTER TABLE users DROP CONSTRAINT users_job_role,
		ADD CONSTRAINT users_job_role CHECK (job_role ~ ${sql.raw(KEY)});
	ALTER TABLE invitations DROP CONSTRAINT invitations_job_role_check,
		ADD CONSTRAINT invitations_job_role CHECK (job_role ~ ${sql.raw(KEY)});`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await sql`
	ALTER TABLE invitations DROP CONSTRAINT invitations_job_role,
		ADD CONSTRAINT invitations_job_role_check CHECK (job_role IN ('sales_person', 'sales_manager'));
	ALTER TABLE users DROP CONSTRAINT users_job_role,
		ADD CONSTRAINT users_job_role CHECK (job_role IN ('sales_person', 'sales_manager'));`.execute(db);
}
