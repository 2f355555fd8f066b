import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import type { Database } from '$lib/server/db/schema';
import { freshDatabase } from '$tests/fresh-db';
import { getModel } from '$lib/server/models/registry';
import { modelQuality } from '$lib/server/psychometrics/model-quality';

const ORGANIZATIONS = 200;
const PER_ORGANIZATION = 500; // 100,000 responses

let db: Kysely<Database>;
let drop: () => Promise<void>;
beforeAll(async () => {
	({ db, drop } = await freshDatabase('sos_bench_quality'));
}, 120_000);
afterAll(() => drop());

it(`reads the model-quality figures over ${ORGANIZATIONS * PER_ORGANIZATION} stored responses`, async () => {
	const model = await getModel('sos', '1.0');
	const statements = model.shape.statementCount;
	// Organizations, one closed round each, and their responses made in SQL: a latent level per respondent
	// plus noise, some "don't know" and unanswered statements.
	await sql`
		WITH o AS (
			INSERT INTO organizations (name, industry, country, size_band, sales_model, level_names)
			SELECT 'Bench ' || g, 'manufacturing', 'SE', '50-199', 'field', ARRAY['Team'] FROM generate_series(1, ${ORGANIZATIONS}) g
			RETURNING id
		), u AS (
			INSERT INTO units (organization_id, name) SELECT id, 'Sales' FROM o RETURNING organization_id, id
		)
		INSERT INTO rounds (organization_id, name, model_id, model_version, status, starts_at, ends_at, publish_at, min_group_size, participants,
			created_by, opened_at, closed_at, published_at, unit_tree)
		SELECT organization_id, 'Round', 'sos', '1.0', 'published', now() - interval '30 days', now() - interval '16 days', now() - interval '16 days',
			5, '{"mode":"all"}', 'bench', now() - interval '30 days', now() - interval '16 days', now() - interval '16 days', '[]'
		FROM u`.execute(db);
	await sql`
		INSERT INTO responses (organization_id, round_id, unit_id, job_role, answers, area_scores)
		SELECT r.organization_id, r.id, u.id, CASE WHEN p % 7 = 0 THEN 'sales_manager' ELSE 'sales_person' END,
			(SELECT array_agg(CASE WHEN random() < 0.03 THEN NULL WHEN random() < 0.06 THEN 0
				ELSE least(5, greatest(1, round(l.level + random() * 2 - 1)))::smallint END ORDER BY s)
			 FROM generate_series(1, ${statements}) s WHERE p > 0),
			'{}'::real[]
		FROM rounds r JOIN units u ON u.organization_id = r.organization_id
		CROSS JOIN generate_series(1, ${PER_ORGANIZATION}) p
		CROSS JOIN LATERAL (SELECT 1.5 + random() * 3 AS level WHERE p > 0) l`.execute(db);

	const t0 = performance.now();
	const report = await modelQuality({ model: 'sos@1.0', locale: 'en' }, db);
	const ms = performance.now() - t0;
	console.log(
		`model quality over ${ORGANIZATIONS * PER_ORGANIZATION} responses in ${ORGANIZATIONS} organizations: ${(ms / 1000).toFixed(2)} s (budget: a few seconds)`
	);

	expect(report.quality.enough).toBe(true);
	expect(report.quality.respondents).toBe(ORGANIZATIONS * PER_ORGANIZATION);
	expect(report.quality.organizations).toBe(ORGANIZATIONS);
	for (const area of report.quality.areas) expect(area.alpha).toBeGreaterThan(0.7);
});
