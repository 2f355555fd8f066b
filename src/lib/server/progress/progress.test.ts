import { describe, expect, it } from 'vitest';
import { db } from '$lib/server/db';
import { round2 } from '$lib/results/colour';
import { createTestActor, createTestOrganization } from '$tests/fixtures';
import { createPublishedRound } from '$tests/results';
import { createAction } from '$lib/server/actions/mutations';
import { recordDecision } from '$lib/server/decisions/decisions';
import { unitProgress } from './progress';

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY);
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** A team measured twice: a round closed 200 days ago and one closed 20 days ago. */
async function twoRounds() {
	const org = await createTestOrganization();
	const tree = { units: { Region: null, 'Team Öst': 'Region' }, respondents: { 'Team Öst': { sales_person: 7, sales_manager: 2 } } };
	const first = await createPublishedRound({ organizationId: org.id, tree, closedAt: daysAgo(200), seed: 5 });
	const second = await createPublishedRound({
		organizationId: org.id,
		tree: { units: {}, respondents: tree.respondents },
		existingUnits: first.unitIds,
		closedAt: daysAgo(20),
		seed: 9
	});
	const team = first.unitIds['Team Öst'];
	const lead = await createTestActor(org.id, 'viewer', team);
	return { org, team, lead, first, second, areas: first.model.shape.areas.map((a) => a.key) };
}

describe('progress of a unit', () => {
	it('puts an action and a decision made between two rounds in that interval, next to the change of its area as shown', async () => {
		const { team, lead, first, second, areas } = await twoRounds();
		const area = areas[2];
		const between = await createAction({ actor: lead, input: { unitId: team, title: 'Fix the forecast meeting', areaKey: area } });
		// Planned 100 days ago: after the first round closed, before the second.
		await db()
			.updateTable('actions')
			.set({ created_at: daysAgo(100) })
			.where('id', '=', between.id)
			.execute();
		const decision = await recordDecision({ actor: lead, input: { unitId: team, decidedOn: isoDay(daysAgo(90)), title: 'Hire a sales coach' } });
		const since = await createAction({ actor: lead, input: { unitId: team, title: 'Follow up the coaching', areaKey: area } });

		const p = await unitProgress({ actor: lead, unitId: team, locale: 'en' });
		expect(p.trend.rounds.map((r) => r.id)).toEqual([first.roundId, second.roundId]);
		// Newest first: since the latest round, then from round 1 to round 2 (the time before round 1 is empty).
		expect(p.intervals.map((iv) => [iv.from?.id ?? null, iv.to?.id ?? null])).toEqual([
			[second.roundId, null],
			[first.roundId, second.roundId]
		]);
		const [sinceLatest, r1r2] = p.intervals;
		expect(r1r2.actions.map((a) => a.id)).toEqual([between.id]);
		expect(r1r2.decisions.map((d) => d.id)).toEqual([decision.id]);
		expect(sinceLatest.actions.map((a) => a.id)).toEqual([since.id]);
		expect(sinceLatest.decisions).toEqual([]);

		// The change next to the action's area is after − before between the figures as shown (2 decimals).
		const [r1, r2] = p.trend.rounds;
		const ai = p.trend.areas.findIndex((a) => a.key === area);
		const before = r1.areas[ai].score!;
		const after = r2.areas[ai].score!;
		expect(before).not.toBeNull();
		expect(after).not.toBeNull();
		const change = r1r2.changes.find((c) => c.key === area)!;
		// Its verdict is the trend's (Welch): an improvement or a decline only when the interval excludes zero.
		const welch = r2.areas[ai].change!;
		expect(welch.difference).toBe(round2(round2(after) - round2(before)));
		expect(welch.verdict).toBe(welch.low > 0 ? 'improvement' : welch.high < 0 ? 'decline' : 'unclear');
		expect(r1.areas[ai].change).toBeNull();
		expect(r2.areas[ai].interval).not.toBeNull();
		expect(change).toEqual({ key: area, before, after, change: round2(round2(after) - round2(before)), verdict: welch.verdict });
		for (const c of r1r2.changes) {
			expect(c.change).toBe(round2(round2(c.after!) - round2(c.before!)));
			expect(Math.abs(c.change! * 100 - Math.round(c.change! * 100))).toBeLessThan(1e-9);
		}
		// Since the latest round there is no "after" yet.
		expect(sinceLatest.changes.every((c) => c.after === null && c.change === null && c.before !== null)).toBe(true);
	});

	it('puts a decision dated the day before a round closed in the interval up to it, and one the day after in the next', async () => {
		const { team, lead, second } = await twoRounds();
		const dayBefore = await recordDecision({ actor: lead, input: { unitId: team, decidedOn: isoDay(daysAgo(21)), title: 'Before round 2' } });
		const next = await recordDecision({ actor: lead, input: { unitId: team, decidedOn: isoDay(daysAgo(19)), title: 'After round 2' } });
		const p = await unitProgress({ actor: lead, unitId: team, locale: 'en' });
		const upTo = p.intervals.find((iv) => iv.to?.id === second.roundId)!;
		const after = p.intervals.find((iv) => iv.from?.id === second.roundId && iv.to === null)!;
		expect(upTo.decisions.map((d) => d.id)).toEqual([dayBefore.id]);
		expect(after.decisions.map((d) => d.id)).toEqual([next.id]);
	});

	it('shows a viewer only the actions and decisions of units they may see', async () => {
		const { org, team, lead, first } = await twoRounds();
		const admin = await createTestActor(org.id, 'admin');
		const region = first.unitIds['Region'];
		await createAction({ actor: admin, input: { unitId: region, title: 'Region-wide action' } });
		await recordDecision({ actor: admin, input: { unitId: region, decidedOn: isoDay(daysAgo(5)), title: 'Region decision' } });
		const p = await unitProgress({ actor: lead, unitId: team, locale: 'en' });
		const titles = p.intervals.flatMap((iv) => [...iv.actions.map((a) => a.title), ...iv.decisions.map((d) => d.title)]);
		expect(titles).not.toContain('Region-wide action');
		expect(titles).not.toContain('Region decision');
		await expect(unitProgress({ actor: lead, unitId: region, locale: 'en' })).rejects.toThrow(/not found/);
	});
});
