import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { Database } from '$lib/server/db/schema';
import type { Actor } from '$lib/server/auth/actor';
import { bootstrap } from '$lib/server/bootstrap/bootstrap';
import { createDemoRound } from '$lib/server/bootstrap/demo-round';
import { demoUnitAttributes } from '$lib/server/bootstrap/demo-data';
import { freshDatabase } from '$tests/fresh-db';
import { ORGANIZATION } from '$lib/results/view';
import { listPublishedRounds } from './rounds';
import { heatmapCut } from './cuts';
import { heatmap } from './heatmap';

let db: Kysely<Database>;
let drop: () => Promise<void>;
let orgId: string;
let roundId: string;
const choice = { compare: 'all', statistic: 'mean' } as const;

const actorFor = (access: 'admin' | 'viewer', scopeUnitId: string | null = null): Actor => ({
	accountId: null,
	email: 'x@demo.example',
	isOperator: false,
	via: 'session',
	label: 'test',
	membership: {
		organizationId: orgId,
		organizationName: 'Nordwind Industrial (demo)',
		isDemo: true,
		userId: crypto.randomUUID(),
		name: 'T',
		access,
		scopeUnitId,
		language: 'en'
	}
});
const unitId = async (name: string) =>
	(await db.selectFrom('units').select('id').where('organization_id', '=', orgId).where('name', '=', name).executeTakeFirstOrThrow()).id;

/** Respondents per value, counted from the stored answers: each response's unit and its (inherited) value. */
async function truthOf(key: string): Promise<Map<string | null, number>> {
	const units = await db.selectFrom('units').select(['id', 'name', 'parent_id']).where('organization_id', '=', orgId).execute();
	const byId = new Map(units.map((u) => [u.id, u]));
	const valueOf = (id: string | null): string | null => (id ? (demoUnitAttributes[byId.get(id)!.name]?.[key] ?? valueOf(byId.get(id)!.parent_id)) : null);
	const responses = await db.selectFrom('responses').select('unit_id').where('organization_id', '=', orgId).where('round_id', '=', roundId).execute();
	const truth = new Map<string | null, number>();
	for (const r of responses) truth.set(valueOf(r.unit_id), (truth.get(valueOf(r.unit_id)) ?? 0) + 1);
	return truth;
}

beforeAll(async () => {
	({ db, drop } = await freshDatabase('sos_cuts'));
	await bootstrap({ demo: true }, db);
	await createDemoRound(db);
	orgId = (await db.selectFrom('organizations').select('id').where('name', '=', 'Nordwind Industrial (demo)').executeTakeFirstOrThrow()).id;
	roundId = (await listPublishedRounds({ organizationId: orgId }, db))[0].id;
}, 60_000);
afterAll(() => drop());

describe('heatmap cuts by a unit attribute', () => {
	it('offers the attributes of the units, and nothing else without one', async () => {
		const out = await heatmapCut({ actor: actorFor('admin'), roundId, unitId: ORGANIZATION, attribute: null, locale: 'en', choice }, db);
		expect(out.attributes).toEqual(['country', 'sales_model']);
		expect(out.rows).toEqual([]);
	});

	/** Whether the named units' rows are shown in the heatmap of the whole organization. */
	const shownUnits = async (...names: string[]) => {
		const map = await heatmap({ actor: actorFor('admin'), roundId, unitId: ORGANIZATION, depth: 3, locale: 'en', choice }, db);
		return names.every((n) => map.rows.find((r) => r.name === n)!.respondents !== null);
	};

	it('counts each value’s respondents exactly where shown, and hides the group of one regional manager', async () => {
		const out = await heatmapCut({ actor: actorFor('admin'), roundId, unitId: ORGANIZATION, attribute: 'country', locale: 'en', choice }, db);
		const truth = await truthOf('country');
		expect(out.rows.map((r) => r.value)).toEqual(['Germany', 'Norway', 'Sweden', null]);
		for (const row of out.rows) if (row.respondents !== null) expect(row.respondents).toBe(truth.get(row.value));
		expect(out.rows[0].respondents).toBe(truth.get('Germany'));
		// Sweden crosses the business areas: the Nordics region plus the Service Sweden team. Without that team's
		// figure nothing adds up to it (Service Nordics minus Service Norway leaves their manager, who has no country).
		expect(out.rows[2].respondents !== null).toBe(await shownUnits('Service Sweden'));
		expect(truth.get(null)).toBe(1);
		expect(out.rows[3].respondents).toBeNull();
		expect(out.rows[3].areas.every((a) => a.score === null)).toBe(true);
	});

	it('shows a group made by taking shown teams from the whole (territory = all but the key-account teams)', async () => {
		const out = await heatmapCut({ actor: actorFor('admin'), roundId, unitId: ORGANIZATION, attribute: 'sales_model', locale: 'en', choice }, db);
		const truth = await truthOf('sales_model');
		const both = await shownUnits('Stockholm', 'Hamburg');
		expect(out.rows.map((r) => [r.value, r.respondents])).toEqual([
			['Key accounts', both ? truth.get('Key accounts') : null],
			['Territory', both ? truth.get('Territory') : null]
		]);
		if (both) expect(out.rows.every((r) => r.areas.some((a) => a.score !== null))).toBe(true);
	});

	it('shows a value held by one team exactly as that team’s own figures', async () => {
		const actor = actorFor('admin');
		const cut = await heatmapCut({ actor, roundId, unitId: ORGANIZATION, attribute: 'country', locale: 'en', choice }, db);
		const map = await heatmap({ actor, roundId, unitId: await unitId('Service Nordics'), depth: 1, locale: 'en', choice }, db);
		const team = map.rows.find((r) => r.name === 'Service Norway')!;
		const norway = cut.rows.find((r) => r.value === 'Norway')!;
		expect(norway.respondents).toBe(team.respondents);
		expect(norway.areas).toEqual(team.areas);
		expect(cut.rows.find((r) => r.value === 'Germany')!.respondents).toBe(
			(await heatmap({ actor, roundId, unitId: ORGANIZATION, depth: 2, locale: 'en', choice }, db)).rows.find((r) => r.name === 'Central Europe')!.respondents
		);
	});

	it('keeps a viewer inside their unit', async () => {
		const nordics = await unitId('Nordics');
		const viewer = actorFor('viewer', nordics);
		const out = await heatmapCut({ actor: viewer, roundId, unitId: nordics, attribute: 'sales_model', locale: 'en', choice }, db);
		expect(out.rows.map((r) => r.value)).toEqual(['Key accounts', 'Territory']);
		await expect(heatmapCut({ actor: viewer, roundId, unitId: ORGANIZATION, attribute: 'sales_model', locale: 'en', choice }, db)).rejects.toThrow(
			/not found/i
		);
	});

	it('refuses an attribute the units do not have', async () => {
		await expect(heatmapCut({ actor: actorFor('admin'), roundId, unitId: ORGANIZATION, attribute: 'tenure', locale: 'en', choice }, db)).rejects.toThrow(
			/no attribute/
		);
	});
});
