import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db/schema';
import type { Actor } from '$lib/server/auth/actor';
import { bootstrap } from '$lib/server/bootstrap/bootstrap';
import { createDemoRound } from '$lib/server/bootstrap/demo-round';
import { freshDatabase } from '$tests/fresh-db';
import { ORGANIZATION } from '$lib/results/view';
import { listPublishedRounds } from './rounds';
import { unitResults } from './unit-results';
import { unitAlignment } from './alignment';

let db: Kysely<Database>;
let drop: () => Promise<void>;
let admin: Actor;

beforeAll(async () => {
	({ db, drop } = await freshDatabase('sos_demo_audit'));
	await bootstrap({ demo: true }, db);
	await createDemoRound(db);
	const org = await db.selectFrom('organizations').select(['id', 'name']).where('name', '=', 'Nordwind Industrial (demo)').executeTakeFirstOrThrow();
	admin = {
		accountId: null,
		email: 'x@demo.example',
		isOperator: false,
		via: 'session',
		label: 'test',
		membership: {
			organizationId: org.id,
			organizationName: org.name,
			isDemo: true,
			userId: crypto.randomUUID(),
			name: 'T',
			access: 'admin',
			scopeUnitId: null,
			language: 'en'
		}
	};
}, 90_000);
afterAll(() => drop());

const choice = { compare: 'all', statistic: 'mean' } as const;

describe('the demo’s ecosystem audit', () => {
	it('is one published round of the audit model, benchmarked, with all four groups side by side for the organization', async () => {
		const rounds = (await listPublishedRounds({ organizationId: admin.membership!.organizationId }, db)).filter((r) => r.modelId === 'audit');
		expect(rounds).toHaveLength(1);
		const r = await unitResults({ actor: admin, roundId: rounds[0].id, unitId: ORGANIZATION, locale: 'en', choice }, db);
		expect(r.areas.map((a) => a.key)).toEqual(['strategy', 'structure_processes', 'culture_behaviours', 'kpis_compensation']);
		expect(r.areas.every((a) => a.score !== null && a.benchmark !== null)).toBe(true);
		expect(r.gap?.groups.map((g) => g.key)).toEqual(['executive', 'sales_manager', 'sales_person', 'sales_support']);
		expect(r.gap?.pair).toEqual(['executive', 'sales_person']);
		// Executives see the strategy more brightly than the people who sell.
		const strategy = r.gap!.areas.find((a) => a.key === 'strategy')!;
		expect(strategy.gap).toBeGreaterThanOrEqual(0.5);
		// Any two groups can be compared.
		const other = await unitResults(
			{ actor: admin, roundId: rounds[0].id, unitId: ORGANIZATION, locale: 'sv', choice, gapPair: ['sales_support', 'sales_manager'] },
			db
		);
		expect(other.gap?.pair).toEqual(['sales_support', 'sales_manager']);
		expect(other.groups.find((g) => g.key === 'executive')?.name).toBe('Ledningsgruppen');
	});

	it('shows two misalignments: strategy against metrics, and good tools not used the agreed way', async () => {
		const round = (await listPublishedRounds({ organizationId: admin.membership!.organizationId }, db)).find((r) => r.modelId === 'audit')!;
		const a = (await unitAlignment({ actor: admin, roundId: round.id, unitId: ORGANIZATION, locale: 'en' }, db))!;
		expect(a.pairs.filter((p) => p.flagged).map((p) => p.key)).toEqual(['strategy_metrics', 'tools_behaviours']);
		expect(a.groupGaps.length).toBeGreaterThan(0);
		// No SOS round has an alignment.
		const sos = (await listPublishedRounds({ organizationId: admin.membership!.organizationId }, db)).find((r) => r.modelId === 'sos')!;
		expect(await unitAlignment({ actor: admin, roundId: sos.id, unitId: ORGANIZATION, locale: 'en' }, db)).toBeNull();
	});
});
