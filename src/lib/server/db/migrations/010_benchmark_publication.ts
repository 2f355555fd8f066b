import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
	await sql`
	-- A built benchmark version is published (pinned by rounds, listed to organizations) only when it
	-- differs from every earlier published one by at least six organizations; the others are kept for
	-- the operator and for the next build to compare with. Versions built before this: published.
	ALTER TABLE benchmark_versions ADD COLUMN published boolean NOT NULL DEFAULT true;
	ALTER TABLE benchmark_versions ALTER COLUMN published DROP DEFAULT;
	DROP INDEX benchmark_versions_latest;
	CREATE INDEX benchmark_versions_latest ON benchmark_versions (model_id, model_version, population, source, built_at DESC) WHERE published;

	-- Which round each contribution came from and the organization's segments when it was built (so a
	-- later build can tell what changed, segment by segment). Null and empty for earlier versions.
	ALTER TABLE benchmark_contributions ADD COLUMN round_id uuid, ADD COLUMN segments text[] NOT NULL DEFAULT '{}';

	-- Why a segment's figure for a metric is withheld (null: shown). 'overlap': with the other segments
	-- shown it would single out fewer than six organizations; 'versions': it differs from a figure of an
	-- earlier published version by one to five organizations.
	ALTER TABLE benchmark_stats ADD COLUMN withheld text CHECK (withheld IN ('overlap', 'versions'));
	`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await sql`
	ALTER TABLE benchmark_stats DROP COLUMN withheld;
	ALTER TABLE benchmark_contributions DROP COLUMN segments, DROP COLUMN round_id;
	DROP INDEX benchmark_versions_latest;
	CREATE INDEX benchmark_versions_latest ON benchmark_versions (model_id, model_version, population, source, built_at DESC);
	ALTER TABLE benchmark_versions DROP COLUMN published;
	`.execute(db);
}
