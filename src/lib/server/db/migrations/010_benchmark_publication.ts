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
	-- later build can tell what changed, segment by segment). Filled in for earlier versions: the round
	-- the build took (the latest closed one by then) and the organization's segments (fixed at creation).
	ALTER TABLE benchmark_contributions ADD COLUMN round_id uuid, ADD COLUMN segments text[] NOT NULL DEFAULT '{}';
	UPDATE benchmark_contributions c
	SET segments = ARRAY['industry:' || o.industry, 'size_band:' || o.size_band, 'country:' || o.country, 'sales_model:' || o.sales_model],
		round_id = (
			SELECT r.id FROM rounds r JOIN benchmark_versions v ON v.id = c.version_id
			WHERE r.organization_id = c.organization_id AND r.model_id = v.model_id AND r.model_version = v.model_version
				AND r.status IN ('closed', 'published') AND r.closed_at <= v.built_at
			ORDER BY r.closed_at DESC LIMIT 1
		)
	FROM organizations o WHERE o.id = c.organization_id;

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
