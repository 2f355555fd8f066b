import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
	await sql`
	CREATE TABLE organizations (
		id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
		name text NOT NULL,
		industry text NOT NULL,
		country char(2) NOT NULL,
		size_band text NOT NULL,
		sales_model text NOT NULL,
		level_names text[] NOT NULL DEFAULT ARRAY['Business area', 'Region', 'Team'],
		is_demo boolean NOT NULL DEFAULT false,
		created_at timestamptz NOT NULL DEFAULT now()
	);

	CREATE TABLE units (
		organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
		id uuid NOT NULL DEFAULT gen_random_uuid(),
		parent_id uuid,
		name text NOT NULL,
		created_at timestamptz NOT NULL DEFAULT now(),
		PRIMARY KEY (organization_id, id),
		FOREIGN KEY (organization_id, parent_id) REFERENCES units(organization_id, id)
	);
	CREATE UNIQUE INDEX units_sibling_name ON units
		(organization_id, coalesce(parent_id, '00000000-0000-0000-0000-000000000000'::uuid), lower(name));

	CREATE TABLE users (
		organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
		id uuid NOT NULL DEFAULT gen_random_uuid(),
		name text NOT NULL,
		email text NOT NULL,
		language text NOT NULL DEFAULT 'en',
		unit_id uuid,
		job_role text,
		access text NOT NULL DEFAULT 'participant',
		scope_unit_id uuid,
		created_at timestamptz NOT NULL DEFAULT now(),
		updated_at timestamptz NOT NULL DEFAULT now(),
		PRIMARY KEY (organization_id, id),
		FOREIGN KEY (organization_id, unit_id) REFERENCES units(organization_id, id),
		FOREIGN KEY (organization_id, scope_unit_id) REFERENCES units(organization_id, id),
		CONSTRAINT users_email_lower CHECK (email = lower(email)),
		CONSTRAINT users_language CHECK (language IN ('en', 'sv')),
		CONSTRAINT users_job_role CHECK (job_role IN ('sales_person', 'sales_manager')),
		CONSTRAINT users_access CHECK (access IN ('participant', 'viewer', 'admin'))
	);
	CREATE UNIQUE INDEX users_org_email ON users (organization_id, email);
	CREATE INDEX users_email ON users (email);
	CREATE INDEX users_org_unit ON users (organization_id, unit_id);

	CREATE TABLE accounts (
		id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
		email text NOT NULL UNIQUE CHECK (email = lower(email)),
		password_hash text,
		is_operator boolean NOT NULL DEFAULT false,
		language text NOT NULL DEFAULT 'en',
		created_at timestamptz NOT NULL DEFAULT now(),
		last_sign_in_at timestamptz
	);

	CREATE TABLE sessions (
		id text PRIMARY KEY,
		account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
		organization_id uuid REFERENCES organizations(id) ON DELETE SET NULL,
		created_at timestamptz NOT NULL DEFAULT now(),
		expires_at timestamptz NOT NULL
	);
	CREATE INDEX sessions_account ON sessions (account_id);

	CREATE TABLE one_time_tokens (
		id text PRIMARY KEY,
		kind text NOT NULL CHECK (kind IN ('magic_link', 'password_reset')),
		account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
		expires_at timestamptz NOT NULL,
		used_at timestamptz,
		created_at timestamptz NOT NULL DEFAULT now()
	);

	CREATE TABLE api_tokens (
		organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
		id uuid NOT NULL DEFAULT gen_random_uuid(),
		name text NOT NULL,
		token_hash text NOT NULL UNIQUE,
		created_by text NOT NULL,
		created_at timestamptz NOT NULL DEFAULT now(),
		last_used_at timestamptz,
		revoked_at timestamptz,
		PRIMARY KEY (organization_id, id)
	);

	CREATE TABLE audit_events (
		id bigserial PRIMARY KEY,
		organization_id uuid REFERENCES organizations(id) ON DELETE CASCADE,
		at timestamptz NOT NULL DEFAULT now(),
		actor text NOT NULL,
		action text NOT NULL,
		target text,
		details jsonb NOT NULL DEFAULT '{}'::jsonb,
		ip text
	);
	CREATE INDEX audit_events_org_at ON audit_events (organization_id, at DESC);

	CREATE TABLE user_imports (
		organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
		id uuid NOT NULL DEFAULT gen_random_uuid(),
		file_name text NOT NULL,
		created_by text NOT NULL,
		created_at timestamptz NOT NULL DEFAULT now(),
		applied_at timestamptz,
		row_count integer NOT NULL,
		error_count integer NOT NULL,
		preview jsonb NOT NULL,
		PRIMARY KEY (organization_id, id)
	);

	CREATE TABLE rate_limits (
		key text PRIMARY KEY,
		hits integer NOT NULL,
		window_start timestamptz NOT NULL
	);
	`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await sql`DROP TABLE rate_limits, user_imports, audit_events, api_tokens, one_time_tokens, sessions, accounts, users, units, organizations`.execute(db);
}
