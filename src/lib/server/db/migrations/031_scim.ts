import { sql, type Kysely } from 'kysely';

/**
 * SCIM 2.0 provisioning (issue 17): an identity provider (Entra ID) creates, updates and deactivates people.
 *
 * - users.deactivated_at: a deactivated person keeps their row and history but cannot sign in, is not
 *   invited to new rounds and is not billable from then on; NULL is active. users.external_id: the
 *   provider's own id for the person (SCIM externalId), unique within the organization when set.
 * - billable_presence follows deactivation: deactivating closes the person's open stretch, reactivating
 *   opens a new one (the same triggers as for adding and removing, so every way counts).
 * - scim_tokens: the organization's SCIM bearer tokens, stored as SHA-256 hashes like API tokens.
 * - scim_settings: which SCIM attribute places a person in a unit (a path, as the import's level columns)
 *   and which gives their job role.
 * - scim_events: the last provisioning events and errors of an organization, for its admin; pruned to the
 *   newest 200. A person is named by their id only (their name is read from users when shown).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql`
	ALTER TABLE users ADD COLUMN deactivated_at timestamptz, ADD COLUMN external_id text CHECK (length(external_id) BETWEEN 1 AND 200);
	CREATE UNIQUE INDEX users_external_id ON users (organization_id, external_id) WHERE external_id IS NOT NULL;

	CREATE OR REPLACE FUNCTION billable_presence_track() RETURNS trigger LANGUAGE plpgsql AS $$
	BEGIN
		IF TG_OP = 'INSERT' THEN
			IF NEW.deactivated_at IS NULL THEN
				INSERT INTO billable_presence (organization_id, email) VALUES (NEW.organization_id, lower(NEW.email));
			END IF;
		ELSIF TG_OP = 'DELETE' THEN
			UPDATE billable_presence SET until_at = now()
			WHERE organization_id = OLD.organization_id AND email = lower(OLD.email) AND until_at IS NULL;
		ELSE -- a new email address: the same person
			UPDATE billable_presence SET email = lower(NEW.email)
			WHERE organization_id = OLD.organization_id AND email = lower(OLD.email) AND until_at IS NULL;
		END IF;
		RETURN NULL;
	END $$;

	CREATE FUNCTION billable_presence_activity() RETURNS trigger LANGUAGE plpgsql AS $$
	BEGIN
		IF NEW.deactivated_at IS NOT NULL THEN
			UPDATE billable_presence SET until_at = now()
			WHERE organization_id = OLD.organization_id AND email IN (lower(OLD.email), lower(NEW.email)) AND until_at IS NULL;
		ELSE
			INSERT INTO billable_presence (organization_id, email) VALUES (NEW.organization_id, lower(NEW.email));
		END IF;
		RETURN NULL;
	END $$;
	CREATE TRIGGER billable_presence_activity AFTER UPDATE OF deactivated_at ON users FOR EACH ROW
		WHEN ((OLD.deactivated_at IS NULL) IS DISTINCT FROM (NEW.deactivated_at IS NULL)) EXECUTE FUNCTION billable_presence_activity();

	CREATE TABLE scim_tokens (
		organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
		id uuid NOT NULL DEFAULT gen_random_uuid(),
		token_hash text NOT NULL,
		created_by text NOT NULL,
		created_at timestamptz NOT NULL DEFAULT now(),
		last_used_at timestamptz,
		revoked_at timestamptz,
		PRIMARY KEY (organization_id, id),
		UNIQUE (organization_id, token_hash)
	);

	CREATE TABLE scim_settings (
		organization_id uuid PRIMARY KEY REFERENCES organizations(id) ON DELETE CASCADE,
		unit_attribute text NOT NULL DEFAULT 'department' CHECK (unit_attribute IN ('none', 'department', 'division', 'organization', 'costCenter')),
		job_role_attribute text NOT NULL DEFAULT 'title' CHECK (job_role_attribute IN ('none', 'title', 'userType')),
		updated_at timestamptz NOT NULL DEFAULT now(),
		updated_by text
	);

	CREATE TABLE scim_events (
		organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
		id bigserial,
		at timestamptz NOT NULL DEFAULT now(),
		action text NOT NULL CHECK (action IN ('created', 'updated', 'deactivated', 'reactivated', 'refused')),
		user_id uuid,
		status smallint NOT NULL,
		detail text NOT NULL DEFAULT '' CHECK (length(detail) <= 500),
		PRIMARY KEY (organization_id, id)
	);
	`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await sql`
	DROP TABLE scim_events;
	DROP TABLE scim_settings;
	DROP TABLE scim_tokens;
	DROP TRIGGER billable_presence_activity ON users;
	DROP FUNCTION billable_presence_activity();
	CREATE OR REPLACE FUNCTION billable_presence_track() RETURNS trigger LANGUAGE plpgsql AS $$
	BEGIN
		IF TG_OP = 'INSERT' THEN
			INSERT INTO billable_presence (organization_id, email) VALUES (NEW.organization_id, lower(NEW.email));
		ELSIF TG_OP = 'DELETE' THEN
			UPDATE billable_presence SET until_at = now()
			WHERE organization_id = OLD.organization_id AND email = lower(OLD.email) AND until_at IS NULL;
		ELSE
			UPDATE billable_presence SET email = lower(NEW.email)
			WHERE organization_id = OLD.organization_id AND email = lower(OLD.email) AND until_at IS NULL;
		END IF;
		RETURN NULL;
	END $$;
	DROP INDEX users_external_id;
	ALTER TABLE users DROP COLUMN external_id, DROP COLUMN deactivated_at;
	`.execute(db);
}
