import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
	await sql`
	-- The unit tree as it was when the round opened ([{id, parentId, name}]): results of a round always
	-- use the organization as it was surveyed. Generated rounds (demo data) say so.
	ALTER TABLE rounds
		ADD COLUMN unit_tree jsonb,
		ADD COLUMN benchmark_version_id uuid,
		ADD COLUMN is_generated boolean NOT NULL DEFAULT false;

	-- The operator can keep an organization out of the benchmark.
	ALTER TABLE organizations ADD COLUMN benchmark_excluded boolean NOT NULL DEFAULT false;

	-- A round's results, built once it closes: per frozen unit and job role, counts and sums of the
	-- respondents' area means and statement answers, the answer distribution per statement
	-- (statement i's counts for "don't know", 1 … 5 at [6i … 6i+5]) and the company questions' tallies.
	-- Pages read these, never the responses.
	CREATE TABLE round_aggregates (
		organization_id uuid NOT NULL,
		round_id uuid NOT NULL,
		unit_id uuid NOT NULL,
		job_role text NOT NULL,
		respondents int NOT NULL,
		area_n int[] NOT NULL,
		area_sum float8[] NOT NULL,
		statement_n int[] NOT NULL,
		statement_sum float8[] NOT NULL,
		statement_dist int[] NOT NULL,
		questions jsonb NOT NULL DEFAULT '{}'::jsonb,
		PRIMARY KEY (organization_id, round_id, unit_id, job_role),
		FOREIGN KEY (organization_id, round_id) REFERENCES rounds(organization_id, id) ON DELETE CASCADE
	);

	-- The same per unit's whole subtree (in the tree frozen at launch), so a page reads the figures of the
	-- units it shows in a few rows, however large the organization.
	CREATE TABLE round_totals (LIKE round_aggregates INCLUDING ALL);
	ALTER TABLE round_totals ADD FOREIGN KEY (organization_id, round_id) REFERENCES rounds(organization_id, id) ON DELETE CASCADE;

	-- That a round's aggregates are complete, and its totals (what the benchmark is built from).
	CREATE TABLE round_results (
		organization_id uuid NOT NULL,
		round_id uuid NOT NULL,
		built_at timestamptz NOT NULL DEFAULT now(),
		respondents int NOT NULL,
		area_means real[] NOT NULL,
		statement_means real[] NOT NULL,
		PRIMARY KEY (organization_id, round_id),
		FOREIGN KEY (organization_id, round_id) REFERENCES rounds(organization_id, id) ON DELETE CASCADE
	);

	-- Free-text answers, apart from any response: per frozen unit, in a random order (position), no date.
	CREATE TABLE round_comments (
		organization_id uuid NOT NULL,
		round_id uuid NOT NULL,
		question_key text NOT NULL,
		position int NOT NULL,
		unit_id uuid NOT NULL,
		body text NOT NULL,
		PRIMARY KEY (organization_id, round_id, question_key, position),
		FOREIGN KEY (organization_id, round_id) REFERENCES rounds(organization_id, id) ON DELETE CASCADE
	);

	-- Benchmark versions: built from all organizations' closed rounds (source 'sos', per population:
	-- live customers, or the demo organizations among themselves), or imported by the operator.
	CREATE TABLE benchmark_versions (
		id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
		model_id text NOT NULL,
		model_version text NOT NULL,
		source text NOT NULL CHECK (source IN ('sos', 'import')),
		population text NOT NULL CHECK (population IN ('live', 'demo')),
		label text NOT NULL,
		built_at timestamptz NOT NULL DEFAULT now(),
		organizations int NOT NULL,
		respondents int NOT NULL
	);
	CREATE INDEX benchmark_versions_latest ON benchmark_versions (model_id, model_version, population, source, built_at DESC);

	-- Each contributing organization's means in a version (so that its own can be taken out for it).
	CREATE TABLE benchmark_contributions (
		version_id uuid NOT NULL REFERENCES benchmark_versions(id) ON DELETE CASCADE,
		organization_id uuid NOT NULL,
		respondents int NOT NULL,
		area_means real[] NOT NULL,
		statement_means real[] NOT NULL,
		PRIMARY KEY (version_id, organization_id)
	);

	-- Per version, segment ('all', 'industry:…', 'size_band:…', 'country:…', 'sales_model:…') and metric
	-- (areas first, then statements): organizations, respondents, the sum of organization means, and
	-- the sorted organization means (for percentiles; null for imported sources).
	CREATE TABLE benchmark_stats (
		version_id uuid NOT NULL REFERENCES benchmark_versions(id) ON DELETE CASCADE,
		segment text NOT NULL,
		metric smallint NOT NULL,
		organizations int NOT NULL,
		respondents int NOT NULL,
		mean_sum float8 NOT NULL,
		sorted_means real[],
		PRIMARY KEY (version_id, segment, metric)
	);

	-- Which old units feed a unit's history (merges): unit_id continues predecessor_id.
	CREATE TABLE unit_lineage (
		organization_id uuid NOT NULL,
		unit_id uuid NOT NULL,
		predecessor_id uuid NOT NULL,
		predecessor_name text NOT NULL,
		recorded_at timestamptz NOT NULL DEFAULT now(),
		PRIMARY KEY (organization_id, unit_id, predecessor_id)
	);

	-- Rounds opened before this migration: their tree is today's.
	UPDATE rounds r SET unit_tree = (
		SELECT coalesce(jsonb_agg(jsonb_build_object('id', u.id, 'parentId', u.parent_id, 'name', u.name)), '[]'::jsonb)
		FROM units u WHERE u.organization_id = r.organization_id
	) WHERE r.status IN ('open', 'closed', 'published');
	`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await sql`
	DROP TABLE unit_lineage, benchmark_stats, benchmark_contributions, benchmark_versions, round_comments, round_results, round_totals, round_aggregates;
	ALTER TABLE organizations DROP COLUMN benchmark_excluded;
	ALTER TABLE rounds DROP COLUMN unit_tree, DROP COLUMN benchmark_version_id, DROP COLUMN is_generated;
	`.execute(db);
}
