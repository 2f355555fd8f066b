import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestActor, createTestOrganization } from '$tests/fixtures';
import { createPublishedRound } from '$tests/results';
import { copyOfModels, writeNextVersion } from '$tests/models';
import { getModel } from '$lib/server/models/registry';
import { db } from '$lib/server/db';
import { createRound } from '$lib/server/rounds/create';
import { createSuccessor } from '$lib/server/rounds/successor';
import { unitTrend } from './trend';
import { unitResults } from './unit-results';

const DAY = 86_400_000;
const before = process.env.SOS_MODELS_DIR;
let dir: string;

// Models 1.0 (shipped) and a fixture 1.1 that continues it: forecasting measured anew, territory_2 renamed
// with the same meaning, targets_4 rewritten (not mapped).
beforeAll(async () => {
	dir = await copyOfModels();
	await writeNextVersion(dir, {
		version: '1.1',
		from: '1.0',
		renamed: { territory_2: 'territory_2b' },
		rewritten: { targets_4: 'targets_4b' },
		added: { forecasting: ['forecasting_accuracy'] },
		changedAreas: ['forecasting']
	});
	process.env.SOS_MODELS_DIR = dir;
});
afterAll(async () => {
	if (before === undefined) delete process.env.SOS_MODELS_DIR;
	else process.env.SOS_MODELS_DIR = before;
	await rm(dir, { recursive: true, force: true });
});

async function unitOnBothVersions() {
	const org = await createTestOrganization();
	const admin = await createTestActor(org.id, 'admin');
	const [v10, v11] = [await getModel('sos', '1.0'), await getModel('sos', '1.1')];
	const old = await createPublishedRound({
		organizationId: org.id,
		model: v10,
		tree: { units: { North: null }, respondents: { North: { sales_person: 7, sales_manager: 2 } } },
		closedAt: new Date(Date.now() - 200 * DAY)
	});
	const { North } = old.unitIds;
	const now = await createPublishedRound({
		organizationId: org.id,
		model: v11,
		tree: { units: {}, respondents: { North: { sales_person: 8, sales_manager: 2 } } },
		existingUnits: { North },
		closedAt: new Date(Date.now() - DAY),
		seed: 3
	});
	return { org, admin, North, oldRound: old.roundId, newRound: now.roundId };
}

describe('trends across model versions', () => {
	it('continue for comparable areas and start afresh, marked, where the model changed an area', async () => {
		const { admin, North } = await unitOnBothVersions();
		const trend = await unitTrend({ actor: admin, unitId: North, locale: 'en' });
		expect(trend.model).toBe('1.1');
		expect(trend.areas.map((a) => a.key)).toEqual((await getModel('sos', '1.1')).structure.areas.map((a) => a.key));
		expect(trend.rounds.map((r) => r.model)).toEqual(['1.0', '1.1']);

		const at = (round: number, key: string) => trend.rounds[round].areas.find((a) => a.key === key)!;
		// Territory compares (even with a statement renamed, another rewritten in targets): both rounds score.
		for (const key of ['territory', 'targets', 'one_to_one']) {
			expect(at(0, key)).toMatchObject({ comparable: true });
			expect(at(0, key).score).not.toBeNull();
			expect(at(1, key).score).not.toBeNull();
			expect(trend.areas.find((a) => a.key === key)!.since).toBeNull();
		}
		// Forecasting was measured anew in 1.1: the 1.0 round shows nothing for it, and the break is named.
		expect(at(0, 'forecasting')).toEqual({
			key: 'forecasting',
			score: null,
			benchmark: null,
			status: null,
			comparable: false,
			n: null,
			interval: null,
			change: null
		});
		expect(at(1, 'forecasting')).toMatchObject({ comparable: true });
		expect(at(1, 'forecasting').score).not.toBeNull();
		expect(trend.areas.find((a) => a.key === 'forecasting')!.since).toBe('1.1');
	});

	it('show the newest version a unit’s rounds used, and a 1.0 round reads and scores with 1.0 after 1.1 exists', async () => {
		const { admin, North, oldRound, newRound } = await unitOnBothVersions();
		const v10 = await getModel('sos', '1.0');
		const old = await unitResults({ actor: admin, roundId: oldRound, unitId: North, locale: 'en', choice: { compare: 'all', statistic: 'mean' } });
		expect(old.round.model).toBe('sos 1.0');
		expect(old.statements.map((s) => s.key)).toEqual(v10.statementKeys);
		expect(old.statements.some((s) => s.key === 'territory_2b' || s.key === 'forecasting_accuracy')).toBe(false);
		expect(old.areas.every((a) => a.score !== null)).toBe(true);
		// Scored with 1.0: the area score is the mean of respondents' means over 1.0's statements, as the trend shows it.
		const trend = await unitTrend({ actor: admin, unitId: North, locale: 'en' });
		for (const a of old.areas.filter((x) => x.key !== 'forecasting')) expect(trend.rounds[0].areas.find((x) => x.key === a.key)!.score, a.key).toBe(a.score);

		const fresh = await unitResults({ actor: admin, roundId: newRound, unitId: North, locale: 'en', choice: { compare: 'all', statistic: 'mean' } });
		expect(fresh.round.model).toBe('sos 1.1');
		expect(fresh.statements.map((s) => s.key)).toContain('territory_2b');
	});

	it('keeps a unit with only 1.0 rounds on 1.0’s areas, with nothing marked as changed', async () => {
		const org = await createTestOrganization();
		const admin = await createTestActor(org.id, 'admin');
		const r = await createPublishedRound({
			organizationId: org.id,
			model: await getModel('sos', '1.0'),
			tree: { units: { Solo: null }, respondents: { Solo: { sales_person: 6 } } }
		});
		const trend = await unitTrend({ actor: admin, unitId: r.unitIds.Solo, locale: 'en' });
		expect(trend.model).toBe('1.0');
		expect(trend.areas.every((a) => a.since === null)).toBe(true);
		expect(trend.rounds[0].areas.every((a) => a.comparable && a.score !== null)).toBe(true);
	});
});

describe('new rounds', () => {
	it('default to the newest model version; a version asked for is kept', async () => {
		const org = await createTestOrganization();
		const admin = await createTestActor(org.id, 'admin');
		const round = await createRound({ organizationId: org.id, actor: admin, input: { name: 'Next', launch: false } });
		expect(round.modelVersion).toBe('1.1');
		const pinned = await createRound({ organizationId: org.id, actor: admin, input: { name: 'Old', launch: false, model: { id: 'sos', version: '1.0' } } });
		expect(pinned.modelVersion).toBe('1.0');
	});

	it('that repeat a 1.0 round take the newest version; the 1.0 round keeps its own', async () => {
		const org = await createTestOrganization();
		const admin = await createTestActor(org.id, 'admin');
		const start = new Date(Date.now() + DAY);
		const round = await createRound({
			organizationId: org.id,
			actor: admin,
			input: { name: 'Pulse', launch: false, startsAt: start.toISOString(), repeatMonths: 3, model: { id: 'sos', version: '1.0' } }
		});
		const row = await db().selectFrom('rounds').selectAll().where('organization_id', '=', org.id).where('id', '=', round.id).executeTakeFirstOrThrow();
		const next = await createSuccessor(row, new Date());
		const versions = await db().selectFrom('rounds').select(['id', 'model_version']).where('organization_id', '=', org.id).execute();
		expect(versions.find((r) => r.id === next)?.model_version).toBe('1.1');
		expect(versions.find((r) => r.id === round.id)?.model_version).toBe('1.0');
	});
});
