import { sql, type Kysely } from 'kysely';

/**
 * Makes the schema one that Citus can distribute by organization_id (see docs/scaling.md and
 * db/distribution.ts, whose test checks these rules against the catalog):
 * - every unique constraint of a tenant table includes organization_id;
 * - no foreign key of a tenant table sets columns to null (Citus refuses SET NULL on the distribution
 *   column and SET NULL with a column list): the domain code that deletes clears them instead;
 * - audit events belong to an organization; events of no organization go to global_audit_events.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql`
	-- Token lookups go by (organization, hash): the token carries the organization (its routing key).
	-- Tokens issued before still work by hash alone (a multi-shard lookup under Citus), through the plain indexes.
	ALTER TABLE invitations DROP CONSTRAINT invitations_token_hash_key;
	ALTER TABLE invitations ADD CONSTRAINT invitations_org_token_hash UNIQUE (organization_id, token_hash);
	CREATE INDEX invitations_token_hash ON invitations (token_hash);
	ALTER TABLE api_tokens DROP CONSTRAINT api_tokens_token_hash_key;
	ALTER TABLE api_tokens ADD CONSTRAINT api_tokens_org_token_hash UNIQUE (organization_id, token_hash);
	CREATE INDEX api_tokens_token_hash ON api_tokens (token_hash);

	-- No SET NULL: deleting a person clears the actions they own, in the same transaction (users/mutations.ts);
	-- rounds are deleted only with their organization. NO ACTION (not RESTRICT) is checked at the end of
	-- the statement, so an organization's cascade deleting all of its rows at once still works.
	ALTER TABLE actions DROP CONSTRAINT actions_organization_id_owner_id_fkey,
		ADD CONSTRAINT actions_owner FOREIGN KEY (organization_id, owner_id) REFERENCES users(organization_id, id);
	ALTER TABLE actions DROP CONSTRAINT actions_organization_id_round_id_fkey,
		ADD CONSTRAINT actions_round FOREIGN KEY (organization_id, round_id) REFERENCES rounds(organization_id, id);
	ALTER TABLE rounds DROP CONSTRAINT rounds_repeats_from,
		ADD CONSTRAINT rounds_repeats_from FOREIGN KEY (organization_id, repeats_from) REFERENCES rounds(organization_id, id);

	-- Operator and sign-in events of no organization: a table of their own, kept on the coordinator.
	CREATE TABLE global_audit_events (
		id bigserial PRIMARY KEY,
		at timestamptz NOT NULL DEFAULT now(),
		actor text NOT NULL,
		action text NOT NULL,
		target text,
		details jsonb NOT NULL DEFAULT '{}'::jsonb,
		ip text
	);
	CREATE INDEX global_audit_events_at ON global_audit_events (at DESC);
	WITH moved AS (DELETE FROM audit_events WHERE organization_id IS NULL RETURNING *)
	INSERT INTO global_audit_events (id, at, actor, action, target, details, ip)
	SELECT id, at, actor, action, target, details, ip FROM moved ORDER BY id;
	SELECT setval(pg_get_serial_sequence('global_audit_events', 'id'), greatest((SELECT max(id) FROM global_audit_events), 1));
	ALTER TABLE audit_events ALTER COLUMN organization_id SET NOT NULL;
	ALTER TABLE audit_events DROP CONSTRAINT audit_events_pkey, ADD PRIMARY KEY (organization_id, id);
	`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await sql`
	ALTER TABLE audit_events DROP CONSTRAINT audit_events_pkey, ADD PRIMARY KEY (id);
	ALTER TABLE audit_events ALTER COLUMN organization_id DROP NOT NULL;
	INSERT INTO audit_events (organization_id, at, actor, action, target, details, ip)
	SELECT NULL, at, actor, action, target, details, ip FROM global_audit_events ORDER BY id;
	DROP TABLE global_audit_events;
	ALTER TABLE rounds DROP CONSTRAINT rounds_repeats_from,
		ADD CONSTRAINT rounds_repeats_from FOREIGN KEY (organization_id, repeats_from) REFERENCES rounds(organization_id, id) ON DELETE SET NULL (repeats_from);
	ALTER TABLE actions DROP CONSTRAINT actions_round,
		ADD CONSTRAINT actions_organization_id_round_id_fkey FOREIGN KEY (organization_id, round_id) REFERENCES rounds(organization_id, id) ON DELETE SET NULL (round_id);
	ALTER TABLE actions DROP CONSTRAINT actions_owner,
		ADD CONSTRAINT actions_organization_id_owner_id_fkey FOREIGN KEY (organization_id, owner_id) REFERENCES users(organization_id, id) ON DELETE SET NULL (owner_id);
	DROP INDEX api_tokens_token_hash;
	ALTER TABLE api_tokens DROP CONSTRAINT api_tokens_org_token_hash, ADD CONSTRAINT api_tokens_token_hash_key UNIQUE (token_hash);
	DROP INDEX invitations_token_hash;
	ALTER TABLE invitations DROP CONSTRAINT invitations_org_token_hash, ADD CONSTRAINT invitations_token_hash_key UNIQUE (token_hash);
	`.execute(db);
}
