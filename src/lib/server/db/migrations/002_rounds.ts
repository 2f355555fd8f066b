import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
	await sql`
	-- Server-wide secrets (e.g. the key invitation links are derived from), shared by every instance.
	CREATE TABLE app_secrets (
		name text PRIMARY KEY,
		value text NOT NULL
	);

	-- Company-specific questions of one organization (the operator's standard library ships under models/questions).
	CREATE TABLE org_questions (
		organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
		id uuid NOT NULL DEFAULT gen_random_uuid(),
		definition jsonb NOT NULL,
		created_at timestamptz NOT NULL DEFAULT now(),
		archived_at timestamptz,
		PRIMARY KEY (organization_id, id)
	);

	CREATE TABLE rounds (
		organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
		id uuid NOT NULL DEFAULT gen_random_uuid(),
		name text NOT NULL,
		model_id text NOT NULL,
		model_version text NOT NULL,
		status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'scheduled', 'open', 'closed', 'published')),
		starts_at timestamptz NOT NULL,
		ends_at timestamptz NOT NULL,
		publish_at timestamptz NOT NULL,
		reminders timestamptz[] NOT NULL DEFAULT '{}',
		reminders_done smallint NOT NULL DEFAULT 0,
		min_group_size smallint NOT NULL DEFAULT 5 CHECK (min_group_size BETWEEN 3 AND 10),
		participants jsonb NOT NULL,
		questions jsonb NOT NULL DEFAULT '[]'::jsonb,
		created_by text NOT NULL,
		created_at timestamptz NOT NULL DEFAULT now(),
		opened_at timestamptz,
		closed_at timestamptz,
		published_at timestamptz,
		PRIMARY KEY (organization_id, id),
		CHECK (starts_at < ends_at AND ends_at <= publish_at)
	);
	CREATE INDEX rounds_due ON rounds (status, starts_at, ends_at, publish_at);

	-- One per participant and round. Unit and job role are frozen at launch. Completion is a flag with
	-- no time, so it cannot be matched to a response by when it happened.
	CREATE TABLE invitations (
		organization_id uuid NOT NULL,
		round_id uuid NOT NULL,
		id uuid NOT NULL DEFAULT gen_random_uuid(),
		user_id uuid NOT NULL,
		unit_id uuid NOT NULL,
		job_role text NOT NULL CHECK (job_role IN ('sales_person', 'sales_manager')),
		email text NOT NULL,
		language text NOT NULL,
		token_hash text NOT NULL UNIQUE,
		invitation_sent boolean NOT NULL DEFAULT false,
		reminders_sent smallint NOT NULL DEFAULT 0,
		completed boolean NOT NULL DEFAULT false,
		PRIMARY KEY (organization_id, round_id, id),
		UNIQUE (organization_id, round_id, user_id),
		FOREIGN KEY (organization_id, round_id) REFERENCES rounds(organization_id, id) ON DELETE CASCADE
	);
	CREATE INDEX invitations_unit ON invitations (organization_id, round_id, unit_id);

	-- A participant's unfinished answers; deleted at submit and, for everyone, at close.
	CREATE TABLE drafts (
		organization_id uuid NOT NULL,
		round_id uuid NOT NULL,
		invitation_id uuid NOT NULL,
		answers smallint[] NOT NULL,
		question_answers jsonb NOT NULL DEFAULT '{}'::jsonb,
		PRIMARY KEY (organization_id, round_id, invitation_id),
		FOREIGN KEY (organization_id, round_id, invitation_id) REFERENCES invitations(organization_id, round_id, id) ON DELETE CASCADE
	);

	-- One row per submission: no user, invitation, IP, user agent or time.
	-- answers[i] is statement i of the model (0 = don't know / not answered); area_scores[a] is NULL when
	-- the respondent gave no scored answer in area a.
	CREATE TABLE responses (
		organization_id uuid NOT NULL,
		round_id uuid NOT NULL,
		id uuid NOT NULL DEFAULT gen_random_uuid(),
		unit_id uuid NOT NULL,
		job_role text NOT NULL,
		answers smallint[] NOT NULL,
		area_scores real[] NOT NULL,
		question_answers jsonb NOT NULL DEFAULT '{}'::jsonb,
		PRIMARY KEY (organization_id, round_id, id),
		FOREIGN KEY (organization_id, round_id) REFERENCES rounds(organization_id, id) ON DELETE CASCADE
	);
	`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await sql`DROP TABLE responses, drafts, invitations, rounds, org_questions, app_secrets`.execute(db);
}
