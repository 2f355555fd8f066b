import { sql, type Kysely } from 'kysely';

/**
 * Single sign-on with Microsoft Entra ID or any OpenID Connect provider (issue 17).
 *
 * - sso_connections: at most one per organization. `issuer` is what the ID tokens must name (for Entra
 *   derived from the tenant id); the client secret is sealed with AES-256-GCM under the SSO key
 *   (auth/sso/secret.ts), never stored in plain text. `domains` are the email domains whose people are sent
 *   to this provider from the sign-in page (lower case, unique across organizations: checked when saved).
 *   `auto_create_unit_id` and `break_glass_user_id` carry no foreign key (a distributed table may not SET NULL
 *   on delete, and the connection must not block deleting a unit or a person): they are checked when
 *   saved and again when used, and a unit or admin that is gone simply counts as none.
 * - sso_identities: who a provider's subject is, per organization — (issuer, subject) → user; subject is
 *   `tid:oid` for Entra and `sub` otherwise, never the email. Removed with the user.
 * - sso_flows: sign-ins under way (state, nonce, PKCE verifier), kept server-side for ten minutes and used
 *   once; the id is the hash of the state, which the browser also holds in a short-lived httpOnly cookie.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql`
	CREATE TABLE sso_connections (
		organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
		kind text NOT NULL CHECK (kind IN ('entra', 'oidc')),
		tenant_id text CHECK ((kind = 'entra') = (tenant_id IS NOT NULL)),
		issuer text NOT NULL CHECK (issuer ~ '^https?://'),
		client_id text NOT NULL CHECK (length(client_id) BETWEEN 1 AND 255),
		client_secret_sealed text NOT NULL,
		domains text[] NOT NULL DEFAULT '{}',
		auto_create boolean NOT NULL DEFAULT false,
		auto_create_unit_id uuid,
		require_sso boolean NOT NULL DEFAULT false,
		break_glass_user_id uuid,
		created_at timestamptz NOT NULL DEFAULT now(),
		updated_at timestamptz NOT NULL DEFAULT now(),
		updated_by text NOT NULL,
		PRIMARY KEY (organization_id),
		CONSTRAINT sso_connections_auto_create CHECK (NOT auto_create OR auto_create_unit_id IS NOT NULL),
		CONSTRAINT sso_connections_break_glass CHECK (NOT require_sso OR break_glass_user_id IS NOT NULL)
	);
	CREATE INDEX sso_connections_domains ON sso_connections USING gin (domains);

	CREATE TABLE sso_identities (
		organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
		issuer text NOT NULL,
		subject text NOT NULL,
		user_id uuid NOT NULL,
		created_at timestamptz NOT NULL DEFAULT now(),
		last_sign_in_at timestamptz NOT NULL DEFAULT now(),
		PRIMARY KEY (organization_id, issuer, subject),
		FOREIGN KEY (organization_id, user_id) REFERENCES users(organization_id, id) ON DELETE CASCADE
	);
	CREATE INDEX sso_identities_user ON sso_identities (organization_id, user_id);

	CREATE TABLE sso_flows (
		id text PRIMARY KEY,
		organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
		nonce text NOT NULL,
		code_verifier text NOT NULL,
		next text NOT NULL DEFAULT '/',
		expires_at timestamptz NOT NULL
	);
	CREATE INDEX sso_flows_expires ON sso_flows (expires_at);

	-- A session begun by single sign-on counts for that organization only: it cannot be moved into
	-- another one the account belongs to, and it is never the operator's.
	ALTER TABLE sessions ADD COLUMN sso_organization_id uuid REFERENCES organizations(id) ON DELETE CASCADE;`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await sql`ALTER TABLE sessions DROP COLUMN sso_organization_id; DROP TABLE sso_flows, sso_identities, sso_connections`.execute(db);
}
