import { describe, expect, it } from 'vitest';
import { createTestActor, createTestOrganization } from '$tests/fixtures';
import { createPublishedRound } from '$tests/results';
import { getModel, latestModel } from '$lib/server/models/registry';
import { continuity } from '$lib/server/models/continuity';
import { areaResults } from './area-results';
import { unitResults } from './unit-results';

const choice = { compare: 'all', statistic: 'mean' } as const;
const DAY = 86_400_000;

describe('a statement’s previous score on the area page', () => {
	it('is the earlier round’s own shown mean of the statement it maps to; none where unmapped or hidden there', async () => {
		const org = await createTestOrganization();
		const admin = await createTestActor(org.id, 'admin');
		const old = await getModel('sos', '1.0');
		const newest = await latestModel('sos');
		// Five respondents in the earlier round: a statement with one "don't know" among them is hidden there.
		const first = await createPublishedRound({
			organizationId: org.id,
			tree: { units: { 'Team A': null }, respondents: { 'Team A': { sales_person: 5 } } },
			model: old,
			seed: 3,
			closedAt: new Date(Date.now() - 200 * DAY)
		});
		const team = first.unitIds['Team A'];
		const second = await createPublishedRound({
			organizationId: org.id,
			tree: { units: {}, respondents: { 'Team A': { sales_person: 9 } } },
			existingUnits: { 'Team A': team },
			seed: 4
		});
		const before = await unitResults({ actor: admin, roundId: first.roundId, unitId: team, locale: 'en', choice });
		const map = (await continuity({ id: 'sos', from: '1.0', to: newest.structure.version })).statements;
		const seen = { previous: 0, unmapped: 0, hidden: 0 };
		for (const area of newest.shape.areas) {
			const page = await areaResults({ actor: admin, roundId: second.roundId, unitId: team, locale: 'en', choice, areaKey: area.key });
			for (const s of page.statements) {
				const theirs = map.get(s.key);
				const shownThen = theirs ? before.statements.find((x) => x.key === theirs)!.score : null;
				expect(s.previous).toBe(shownThen);
				if (!theirs) seen.unmapped++;
				else if (shownThen === null) seen.hidden++;
				else seen.previous++;
			}
			if (page.statements.some((s) => s.previous !== null)) expect(page.previousRound?.id).toBe(first.roundId);
		}
		// All three cases occur: mapped and shown, unmapped (a new or rewritten statement), mapped but hidden then.
		expect(seen.previous).toBeGreaterThan(0);
		expect(seen.unmapped).toBeGreaterThan(0);
		expect(seen.hidden).toBeGreaterThan(0);

		// The earlier round itself has no round before it.
		const earliest = await areaResults({ actor: admin, roundId: first.roundId, unitId: team, locale: 'en', choice, areaKey: 'territory' });
		expect(earliest.previousRound).toBeNull();
		expect(earliest.statements.every((s) => s.previous === null)).toBe(true);
	});

	it('maps a version to itself, and reads the same for a team lead as for the admin', async () => {
		const org = await createTestOrganization();
		const admin = await createTestActor(org.id, 'admin');
		const tree = {
			units: { North: null, 'Team A': 'North', 'Team B': 'North' },
			respondents: { 'Team A': { sales_person: 8 }, 'Team B': { sales_person: 8 } }
		};
		const first = await createPublishedRound({ organizationId: org.id, tree, seed: 5, closedAt: new Date(Date.now() - 100 * DAY) });
		const second = await createPublishedRound({
			organizationId: org.id,
			tree: { units: {}, respondents: tree.respondents },
			existingUnits: first.unitIds,
			seed: 6
		});
		const teamA = first.unitIds['Team A'];
		const before = await unitResults({ actor: admin, roundId: first.roundId, unitId: teamA, locale: 'en', choice });
		const page = await areaResults({ actor: admin, roundId: second.roundId, unitId: teamA, locale: 'en', choice, areaKey: 'targets' });
		for (const s of page.statements) expect(s.previous).toBe(before.statements.find((x) => x.key === s.key)!.score);
		expect(page.statements.some((s) => s.previous !== null)).toBe(true);
		const lead = await createTestActor(org.id, 'viewer', teamA);
		const own = await areaResults({ actor: lead, roundId: second.roundId, unitId: teamA, locale: 'en', choice, areaKey: 'targets' });
		expect(own.statements.map((s) => s.previous)).toEqual(page.statements.map((s) => s.previous));
	});
});
