import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { db } from '$lib/server/db';
import { ORGANIZATION } from '$lib/results/view';
import { NotFoundError } from '$lib/server/errors';
import { createTestActor, createTestOrganization } from '$tests/fixtures';
import { createPublishedRound } from '$tests/results';
import { unitResults } from '$lib/server/results/unit-results';
import { unitTrend } from '$lib/server/results/trend';
import { heatmap } from '$lib/server/results/heatmap';
import { createAction } from '$lib/server/actions/mutations';
import { listActions } from '$lib/server/actions/queries';
import { recordDecision, listDecisions } from '$lib/server/decisions/decisions';
import { executiveHome } from './executive';
import { participantHome } from './participant';

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY);
const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const choice = { compare: 'all', statistic: 'mean' } as const;

/**
 * Two regions measured twice (different generated answers, so some areas move clearly and some do not):
 * North with two teams, South with a team of 3 (below k = 5: never shown) and a team of 12.
 */
async function twoRounds() {
	const org = await createTestOrganization();
	const units = { North: null, South: null, 'Team A': 'North', 'Team B': 'North', 'Team C': 'South', 'Team D': 'South' };
	const respondents = {
		'Team A': { sales_person: 14, sales_manager: 2 },
		'Team B': { sales_person: 9, sales_manager: 2 },
		'Team C': { sales_person: 3 },
		'Team D': { sales_person: 12, sales_manager: 2 }
	};
	const first = await createPublishedRound({ organizationId: org.id, tree: { units, respondents }, closedAt: daysAgo(200), seed: 3 });
	const second = await createPublishedRound({
		organizationId: org.id,
		tree: { units: {}, respondents },
		existingUnits: first.unitIds,
		closedAt: daysAgo(20),
		seed: 11
	});
	const admin = await createTestActor(org.id, 'admin');
	return { org, ids: first.unitIds, first, second, admin };
}

describe('the executive home', () => {
	it('shows the newest round whose results it may show, and names a newer one too small to show', async () => {
		const { org, admin, ids, second } = await twoRounds();
		const tiny = await createPublishedRound({
			organizationId: org.id,
			tree: { units: {}, respondents: { 'Team A': { sales_person: 2 } } },
			existingUnits: ids,
			closedAt: daysAgo(2),
			seed: 5
		});
		const home = (await executiveHome({ actor: admin, locale: 'en' }))!;
		expect(home.round.id).toBe(second.roundId);
		expect(home.round.newerHidden).toMatchObject({ id: tiny.roundId });
		expect(home.areas.some((a) => a.score !== null)).toBe(true);
		// The movers are those of that round against the one before it, not of the newer round.
		expect(home.round.previous).not.toBeNull();
	});

	it('shows the top unit’s areas as the report does, and as movers only the clear changes in the trends of the units its heatmap shows', async () => {
		const { admin, first, second } = await twoRounds();
		const home = (await executiveHome({ actor: admin, locale: 'en' }))!;
		expect(home.unit).toMatchObject({ id: ORGANIZATION, isOrganization: true });
		expect(home.round).toMatchObject({ id: second.roundId, previous: { id: first.roundId } });

		const report = await unitResults({ actor: admin, roundId: second.roundId, unitId: ORGANIZATION, locale: 'en', choice });
		expect(home.areas.map((a) => [a.key, a.score, a.status, a.rank])).toEqual(report.areas.map((a) => [a.key, a.score, a.status, a.rank]));
		expect(home.unit.respondents).toBe(report.unit.respondents);

		// Every change of each unit the heatmap shows, as its trend shows it: the clear ones are the movers, the rest are not.
		const h = await heatmap({ actor: admin, roundId: second.roundId, unitId: ORGANIZATION, depth: 3, locale: 'en', choice });
		const shown = h.rows.filter((row) => row.respondents !== null);
		// Team C (3) is below k, and Team D with it: South minus Team D would leave Team C's three.
		expect(shown.map((row) => row.name).sort()).toEqual([report.unit.name, 'North', 'South', 'Team A', 'Team B'].sort());
		const clear: string[] = [];
		const unclear: string[] = [];
		for (const { id, name } of shown) {
			const trend = await unitTrend({ actor: admin, unitId: id, locale: 'en' });
			const latest = trend.rounds.at(-1)!;
			expect(latest.id).toBe(second.roundId);
			for (const a of latest.areas) {
				if (!a.change) continue;
				const label = `${name}|${a.key}|${a.change.difference}|${a.change.verdict}`;
				(a.change.verdict === 'unclear' ? unclear : clear).push(label);
			}
		}
		// The scenario has both kinds, so the test sees the filter at work.
		expect(clear.length).toBeGreaterThan(0);
		expect(unclear.length).toBeGreaterThan(0);
		const movers = home.movers.map((m) => `${m.unit.name}|${m.area.key}|${m.difference}|${m.verdict}`);
		expect(movers.length).toBe(Math.min(6, clear.length));
		for (const m of movers) expect(clear).toContain(m);
		for (const m of home.movers) expect(['improvement', 'decline']).toContain(m.verdict);
		// The largest first.
		const sizes = home.movers.map((m) => Math.abs(m.difference));
		expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
	});

	it('names as lowest units only figures the viewer’s heatmap shows, the lowest per area', async () => {
		const { admin, ids, second } = await twoRounds();
		const home = (await executiveHome({ actor: admin, locale: 'en' }))!;
		const h = await heatmap({ actor: admin, roundId: second.roundId, unitId: ORGANIZATION, depth: 3, locale: 'en', choice });
		const rows = h.rows.filter((r) => r.depth > 0);
		expect(home.lowest.length).toBeGreaterThan(0);
		for (const low of home.lowest) {
			const i = h.areas.findIndex((a) => a.key === low.area.key);
			const row = rows.find((r) => r.id === low.unit.id)!;
			expect(row.areas[i].score).toBe(low.score);
			expect(row.areas[i].status).toBe(low.status);
			const shown = rows.map((r) => r.areas[i].score).filter((s): s is number => s !== null);
			expect(low.score).toBe(Math.min(...shown));
		}
		// Team C has 3 respondents and Team D would give them away (South − D): both hidden on the heatmap, never named on the home.
		for (const team of ['Team C', 'Team D']) {
			expect(rows.find((r) => r.id === ids[team])!.areas.every((a) => a.score === null)).toBe(true);
			expect(home.lowest.some((l) => l.unit.id === ids[team])).toBe(false);
			expect(home.movers.some((m) => m.unit.id === ids[team])).toBe(false);
		}
		const scores = home.lowest.map((l) => l.score);
		expect(scores).toEqual([...scores].sort((a, b) => a - b));
	});

	it('gives a team viewer only their subtree: its areas, movers, lowest units, actions and decisions', async () => {
		const { org, admin, ids, second } = await twoRounds();
		const regional = await createTestActor(org.id, 'viewer', ids.North);
		await createAction({ actor: admin, input: { unitId: ids['Team A'], title: 'North action', dueOn: isoDay(daysAgo(3)) } });
		await createAction({ actor: admin, input: { unitId: ids['Team D'], title: 'South action' } });
		await createAction({ actor: admin, input: { unitId: ORGANIZATION, title: 'Company action' } });
		await recordDecision({ actor: admin, input: { unitId: ids.North, decidedOn: isoDay(daysAgo(-10)), title: 'North review' } });
		await recordDecision({ actor: admin, input: { unitId: ids.South, decidedOn: isoDay(daysAgo(-5)), title: 'South review' } });
		await recordDecision({ actor: admin, input: { unitId: ids.North, decidedOn: isoDay(daysAgo(30)), title: 'Past decision' } });

		const home = (await executiveHome({ actor: regional, locale: 'en' }))!;
		expect(home.unit).toMatchObject({ id: ids.North, name: 'North', isOrganization: false });
		const report = await unitResults({ actor: regional, roundId: second.roundId, unitId: ids.North, locale: 'en', choice });
		expect(home.areas.map((a) => a.score)).toEqual(report.areas.map((a) => a.score));
		const north = new Set([ids.North, ids['Team A'], ids['Team B']]);
		for (const m of home.movers) expect(north.has(m.unit.id)).toBe(true);
		expect(home.lowest.length).toBeGreaterThan(0);
		for (const l of home.lowest) expect([ids['Team A'], ids['Team B']]).toContain(l.unit.id);
		expect(home.participation).toBeNull();
		expect(home.actions.items.map((a) => a.title)).toEqual(['North action']);
		expect(home.actions).toMatchObject({ open: 1, overdue: 1 });
		expect(home.decisions.map((d) => d.title)).toEqual(['North review']);
		expect(home.hasUnitsBelow).toBe(true);

		// A team lead's team has no units below: no lowest-units card.
		const lead = (await executiveHome({ actor: await createTestActor(org.id, 'viewer', ids['Team A']), locale: 'en' }))!;
		expect(lead.unit.name).toBe('Team A');
		expect(lead).toMatchObject({ hasUnitsBelow: false, lowest: [] });
		for (const m of lead.movers) expect(m.unit.id).toBe(ids['Team A']);

		// The admin sees everything, the organization's own action among it, soonest decision first.
		const all = (await executiveHome({ actor: admin, locale: 'en' }))!;
		expect(all.actions.items.map((a) => a.title).sort()).toEqual(['Company action', 'North action', 'South action']);
		expect(all.decisions.map((d) => d.title)).toEqual(['South review', 'North review']);
	});

	it('is empty before any round is published', async () => {
		const org = await createTestOrganization();
		expect(await executiveHome({ actor: await createTestActor(org.id, 'admin'), locale: 'en' })).toBeNull();
	});
});

describe('actions and decisions for the organization as a whole', () => {
	it('are the admin’s: listed with the organization’s name, not open to a unit viewer', async () => {
		const { org, admin, ids } = await twoRounds();
		const action = await createAction({ actor: admin, input: { unitId: ORGANIZATION, title: 'One CRM for all regions', areaKey: 'forecasting' } });
		expect(action.unit).toEqual({ id: ORGANIZATION, name: org.name });
		const decision = await recordDecision({ actor: admin, input: { unitId: ORGANIZATION, decidedOn: isoDay(new Date()), title: 'Quarterly reviews' } });
		expect(decision.unit).toEqual({ id: ORGANIZATION, name: org.name });
		expect((await listDecisions({ actor: admin, unitIds: [ORGANIZATION] })).map((d) => d.id)).toEqual([decision.id]);
		expect((await listActions({ actor: admin, filter: { unitId: ORGANIZATION } })).map((a) => a.id)).toContain(action.id);

		const regional = await createTestActor(org.id, 'viewer', ids.North);
		await expect(createAction({ actor: regional, input: { unitId: ORGANIZATION, title: 'Not mine' } })).rejects.toBeInstanceOf(NotFoundError);
		await expect(recordDecision({ actor: regional, input: { unitId: ORGANIZATION, decidedOn: isoDay(new Date()), title: 'No' } })).rejects.toBeInstanceOf(
			NotFoundError
		);
		await expect(listDecisions({ actor: regional, unitIds: [ORGANIZATION] })).rejects.toBeInstanceOf(NotFoundError);
		expect((await listActions({ actor: regional })).map((a) => a.id)).not.toContain(action.id);
		expect((await listDecisions({ actor: regional, unitIds: null })).map((d) => d.id)).not.toContain(decision.id);
	});
});

describe('the participant home', () => {
	it('says the answered round is published and lists what the unit planned, titles and status only', async () => {
		const { org, admin, ids, second } = await twoRounds();
		const person = await createTestActor(org.id, 'participant');
		const invite = (completed: boolean) =>
			db()
				.insertInto('invitations')
				.values({
					organization_id: org.id,
					round_id: second.roundId,
					user_id: person.membership!.userId,
					email: person.email,
					unit_id: ids['Team A'],
					job_role: 'sales_person',
					language: 'en',
					token_hash: randomBytes(32).toString('hex'),
					completed
				})
				.execute();
		await invite(false);
		expect(await participantHome({ actor: person })).toBeNull();
		await db()
			.updateTable('invitations')
			.set({ completed: true })
			.where('organization_id', '=', org.id)
			.where('user_id', '=', person.membership!.userId)
			.execute();
		await createAction({ actor: admin, input: { unitId: ids['Team A'], title: 'Weekly pipeline review', reason: 'Secret reason' } });
		await createAction({ actor: admin, input: { unitId: ids['Team B'], title: 'Other team' } });
		const home = (await participantHome({ actor: person }))!;
		expect(home.round.id).toBe(second.roundId);
		expect(home.unit).toEqual({ id: ids['Team A'], name: 'Team A' });
		expect(home.actions.map((a) => Object.keys(a).sort())).toEqual([['id', 'status', 'title']]);
		expect(home.actions.map((a) => [a.title, a.status])).toEqual([['Weekly pipeline review', 'planned']]);
	});
});
