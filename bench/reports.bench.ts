import { afterAll, expect, it } from 'vitest';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from '$lib/server/db/schema';
import { migrateToLatest } from '$lib/server/db/migrate';
import { bootstrap } from '$lib/server/bootstrap/bootstrap';
import { createDemoRound } from '$lib/server/bootstrap/demo-round';
import { findMembership } from '$lib/server/auth/memberships';
import type { Actor } from '$lib/server/auth/actor';
import { reportData } from '$lib/server/reports/data';
import { renderReport } from '$lib/server/exports/run';
import { ORGANIZATION } from '$lib/results/view';
import { createDatabase } from '../tests/support/database';
import { percentile } from './support/load';

const database = await createDatabase('sos_bench_reports'); // the demo is made only in an empty database
const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: database.url, max: 4 }) }) });
afterAll(async () => {
	await db.destroy();
	await database.drop();
});

async function time(runs: number, fn: () => Promise<unknown>): Promise<number> {
	const times: number[] = [];
	for (let i = 0; i < runs + 2; i++) {
		const t = performance.now();
		await fn();
		if (i >= 2) times.push(performance.now() - t);
	}
	return percentile(times, 50);
}

/**
 * Time to make the PDF report and the PowerPoint deck of the largest demo unit (the whole demo
 * organization: two rounds, three regions in its heatmap, company questions and open actions), as an
 * admin would ask for them: the report data through the suppression module, then the file.
 */
it('measures the reports of the largest demo unit', async () => {
	await migrateToLatest(db);
	await bootstrap({ demo: true }, db);
	await createDemoRound(db);
	const org = await db.selectFrom('organizations').select('id').where('is_demo', '=', true).where('name', 'not like', 'Benchmark%').executeTakeFirstOrThrow();
	const membership = (await findMembership({ email: 'admin@demo.example', organizationId: org.id }, db))!;
	const admin: Actor = { accountId: null, email: 'admin@demo.example', isOperator: false, membership, via: 'session', label: 'admin@demo.example' };
	const round = await db.selectFrom('rounds').select('id').where('organization_id', '=', org.id).where('name', 'like', '%autumn%').executeTakeFirstOrThrow();
	const opts = {
		actor: admin,
		roundId: round.id,
		unitId: ORGANIZATION,
		locale: 'en' as const,
		choice: { compare: 'all' as const, statistic: 'mean' as const }
	};
	const data = await reportData(opts, db);
	expect(data.results.unit.respondents).toBeGreaterThan(20);
	const dataMs = await time(10, () => reportData(opts, db));
	const line: string[] = [];
	for (const format of ['pdf', 'pptx', 'xlsx', 'csv'] as const) {
		let bytes = 0;
		const ms = await time(5, async () => (bytes = (await renderReport(format, data)).length));
		line.push(`${format} ${ms.toFixed(0)} ms (${Math.round(bytes / 1024)} KB)`);
	}
	console.log(
		`reports of the largest demo unit (the demo organization, ${data.results.unit.respondents} respondents): data ${dataMs.toFixed(1)} ms; ${line.join('; ')}`
	);
}, 300_000);
