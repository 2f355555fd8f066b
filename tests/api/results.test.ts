import { beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { db } from '$lib/server/db';
import { createApiToken } from '$lib/server/api-tokens/tokens';
import { createTestActor, createTestOrganization } from '$tests/fixtures';
import { createPublishedRound } from '$tests/results';
import { leaks, reachableRemainders, type Kind } from '$lib/results/attack';
import type { GroupNode, Role } from '$lib/results/suppression';
import { baseUrl, call, sessionCookie } from '../support/http';
import { apiClient } from '../support/api-client';
import { getPage } from './helpers';

/**
 * The results API and pages against the real server: who may read what, bad input, and an attacker —
 * a viewer who collects every figure the API shows them and tries every subtraction.
 */

const tree = {
	units: { North: null, 'Team A': 'North', 'Team B': 'North', 'Team C': 'North', South: null, 'Team D': 'South', 'Team E': 'South' },
	respondents: {
		North: { sales_manager: 1 },
		'Team A': { sales_person: 6, sales_manager: 1 },
		'Team B': { sales_person: 5, sales_manager: 1 },
		'Team C': { sales_person: 3 },
		'Team D': { sales_person: 7, sales_manager: 2 },
		'Team E': { sales_person: 8, sales_manager: 5 }
	}
};

let org: { id: string };
let roundId: string;
let units: Record<string, string>;
let admin: string;
let viewer: string;
/** More viewers, to attack together with the admin: teams and the other region. */
let others: string[];

beforeAll(async () => {
	org = await createTestOrganization();
	({ roundId, unitIds: units } = await createPublishedRound({ organizationId: org.id, tree, k: 5 }));
	admin = await sessionCookie(await createTestActor(org.id, 'admin'));
	viewer = await sessionCookie(await createTestActor(org.id, 'viewer', units.North));
	others = await Promise.all(['Team A', 'Team B', 'Team D', 'South'].map(async (u) => sessionCookie(await createTestActor(org.id, 'viewer', units[u]))));
});

const as = (cookie?: string) => apiClient(baseUrl(), cookie === undefined ? undefined : { cookie });
const unitResults = (round: string, unit: string) => ({ params: { path: { round, unit } } });
/** Raw calls, for query parameters that are malformed or that the OpenAPI document does not describe. */
const get = (path: string, cookie?: string) => call('GET', `/api/v1${path}`, { cookie });

describe('results API: access and input', () => {
	it('refuses anonymous callers and participants, and lists rounds for viewers and admins', async () => {
		expect((await as().GET('/results')).response.status).toBe(401);
		const participant = await sessionCookie(await createTestActor(org.id, 'participant'));
		// A signed-in participant reaches no API path at all (http/participants.ts).
		expect((await as(participant).GET('/results')).response.status).toBe(404);
		const v = await as(viewer).GET('/results');
		expect(v.response.status).toBe(200);
		expect(v.data!.rounds).toHaveLength(1);
		expect(v.data!.rounds[0].startUnit).toEqual({ id: units.North, name: 'North' });
		expect((await as(admin).GET('/results')).data!.rounds[0].startUnit!.id).toBe('organization');
	});

	it('answers 404 for another organization’s round and for units outside the viewer’s subtree', async () => {
		const other = await createTestOrganization();
		const theirs = await createPublishedRound({ organizationId: other.id, tree: { units: { X: null }, respondents: { X: { sales_person: 6 } } } });
		const status = async (r: Promise<{ response: Response }>) => (await r).response.status;
		expect(await status(as(admin).GET('/results/{round}/units/{unit}', unitResults(theirs.roundId, theirs.unitIds.X)))).toBe(404);
		expect(await status(as(admin).GET('/results/{round}/units/{unit}', unitResults(roundId, theirs.unitIds.X)))).toBe(404);
		expect(await status(as(viewer).GET('/results/{round}/units/{unit}', unitResults(roundId, units.South)))).toBe(404);
		expect(await status(as(viewer).GET('/results/{round}/units/{unit}', unitResults(roundId, 'organization')))).toBe(404);
		expect(await status(as(viewer).GET('/results/{round}/units/{unit}', unitResults(randomUUID(), units.North)))).toBe(404);
		expect(await status(as(viewer).GET('/results/{round}/units/{unit}', unitResults('not-a-uuid', units.North)))).toBe(404);
		expect(await status(as(viewer).GET('/results/trend/{unit}', { params: { path: { unit: units.South } } }))).toBe(404);
		expect(await status(as(viewer).GET('/results/{round}/heatmap', { params: { path: { round: roundId }, query: { unit: units['Team D'] } } }))).toBe(404);
	});

	// Values outside the documented enums, a missing required parameter and an undocumented one: raw calls.
	it('explains bad query parameters with a 400', async () => {
		const bad = await get(`/results/${roundId}/units/${units.North}?statistic=max`, viewer);
		expect(bad.status).toBe(400);
		expect(bad.data.error.message).toMatch(/statistic/);
		const planet = await as(viewer).GET('/results/{round}/units/{unit}', {
			params: { path: { round: roundId, unit: units.North }, query: { compare: 'planet' } }
		});
		expect(planet.response.status).toBe(400);
		expect((await get(`/results/${roundId}/units/${units.North}?colour=red`, viewer)).status).toBe(400);
		expect((await get(`/results/${roundId}/heatmap`, viewer)).data.error.message).toMatch(/unit/);
		expect((await get(`/results/${roundId}/heatmap?unit=${units.North}&depth=deep`, viewer)).status).toBe(400);
	});

	it('serves an admin’s API token, and lists benchmark versions', async () => {
		const tokenActor = await createTestActor(org.id, 'admin');
		const { secret } = await createApiToken({ organizationId: org.id, actor: tokenActor, input: { name: 'BI' } });
		const api = apiClient(baseUrl(), secret);
		const r = await api.GET('/results/{round}/units/{unit}', unitResults(roundId, 'organization'));
		expect(r.response.status).toBe(200);
		expect(r.data!.unit.respondents).toBe(39);
		expect(r.data!.areas).toHaveLength(9);
		expect((await api.GET('/benchmarks')).data!.versions).toBeInstanceOf(Array);
	});

	it('sends pages to sign-in when signed out and answers 404 outside the viewer’s subtree', async () => {
		const out = await getPage(`/app/results/${roundId}/${units.North}`);
		expect(out.status).toBe(303);
		expect(out.location).toMatch(/^\/signin/);
		expect((await getPage(`/app/results/${roundId}/${units.South}`, { cookie: viewer })).status).toBe(404);
		const page = await getPage(`/app/results/${roundId}/${units.North}`, { cookie: viewer });
		expect(page.status).toBe(200);
		expect(page.text).toContain('Scores by area');
	});
});

/** Everything a caller can collect: for each unit reached, which figures are shown. */
async function collect(cookie: string) {
	const shown = { respondents: new Set<string>(), roles: new Set<string>(), metric: new Map<number, { all: Set<string>; roles: Set<string> }>() };
	const api = as(cookie);
	const start = (await api.GET('/results')).data!.rounds[0].startUnit!.id;
	const seen = new Set<string>();
	const todo = [start];
	const heat = (await api.GET('/results/{round}/heatmap', { params: { path: { round: roundId }, query: { unit: start, depth: 5 } } })).data!;
	for (let u = todo.pop(); u; u = todo.pop()) {
		if (seen.has(u)) continue;
		seen.add(u);
		const r = (await api.GET('/results/{round}/units/{unit}', unitResults(roundId, u))).data!;
		if (r.unit.respondents !== null) shown.respondents.add(u);
		if (r.gap) shown.roles.add(u);
		const mark = (m: number, kind: 'all' | 'roles') => {
			const e = shown.metric.get(m) ?? shown.metric.set(m, { all: new Set(), roles: new Set() }).get(m)!;
			e[kind].add(u);
		};
		r.areas.forEach((a, i) => a.score !== null && mark(i, 'all'));
		r.gap?.areas.forEach((g, i) => Object.values(g.scores).some((x) => x !== null) && mark(i, 'roles'));
		r.statements.forEach((s, i) => s.score !== null && mark(9 + i, 'all'));
		// The heatmap shows the same figures as the unit's own report.
		const row = heat.rows.find((x) => x.id === u)!;
		expect(row.respondents).toBe(r.unit.respondents);
		expect(row.areas.map((a) => a.score)).toEqual(r.areas.map((a) => a.score));
		todo.push(...r.subunits.map((s) => s.id));
	}
	return shown;
}

/** The true counts behind the figures, per unit and role, from the stored results (what the attacker wants to isolate). */
async function truth() {
	const rows = await db().selectFrom('round_aggregates').selectAll().where('organization_id', '=', org.id).where('round_id', '=', roundId).execute();
	const tops = Object.entries(tree.units)
		.filter(([, p]) => p === null)
		.map(([n]) => n);
	return (count: (r: (typeof rows)[number]) => number): GroupNode[] => [
		{ id: 'organization', parentId: null, own: { sales_person: 0, sales_manager: 0 } },
		...Object.entries(tree.units).map(([name, parent]) => {
			const own = (role: Role) => rows.filter((r) => r.unit_id === units[name] && r.job_role === role).reduce((s, r) => s + count(r), 0);
			return {
				id: units[name],
				parentId: parent ? units[parent] : tops.includes(name) ? 'organization' : null,
				own: { sales_person: own('sales_person'), sales_manager: own('sales_manager') }
			};
		})
	];
}

/** What several callers see together. */
async function collectAll(cookies: string[]) {
	const parts = await Promise.all(cookies.map(collect));
	const union = { respondents: new Set<string>(), roles: new Set<string>(), metric: new Map<number, { all: Set<string>; roles: Set<string> }>() };
	for (const p of parts) {
		p.respondents.forEach((u) => union.respondents.add(u));
		p.roles.forEach((u) => union.roles.add(u));
		for (const [m, s] of p.metric) {
			const e = union.metric.get(m) ?? union.metric.set(m, { all: new Set(), roles: new Set() }).get(m)!;
			s.all.forEach((u) => e.all.add(u));
			s.roles.forEach((u) => e.roles.add(u));
		}
	}
	return union;
}

describe('an attacker with the results API', () => {
	for (const who of ['viewer', 'admin', 'admin and five viewers together'] as const) {
		it(`(${who}) finds no figure on fewer than k respondents and no subtraction that isolates 1 … k−1`, async () => {
			const shown = who === 'viewer' ? await collect(viewer) : who === 'admin' ? await collect(admin) : await collectAll([admin, viewer, ...others]);
			const nodes = await truth();
			const attack = (counts: GroupNode[], all: Set<string>, roles: Set<string>) => {
				const isShown = (id: string, kind: Kind) => (kind === 'all' ? all.has(id) : roles.has(id));
				expect(leaks(reachableRemainders(counts, isShown), 5)).toEqual([]);
				for (const n of counts) {
					const total = (r: Role) => totalOf(counts, n.id, r);
					if (all.has(n.id)) expect(total('sales_person') + total('sales_manager')).toBeGreaterThanOrEqual(5);
					if (roles.has(n.id)) for (const r of ['sales_person', 'sales_manager'] as const) expect(total(r)).toBeGreaterThanOrEqual(5);
				}
			};
			attack(
				nodes((r) => r.respondents),
				shown.respondents,
				shown.roles
			);
			// Statements rest on those who answered them; an area's score is worked out from its shown statements.
			for (const [m, s] of shown.metric)
				if (m >= 9)
					attack(
						nodes((r) => r.statement_n[m - 9]),
						s.all,
						s.roles
					);
			// Something is shown at all, and the small team and the region's own manager are protected.
			expect(shown.respondents.has(units.North)).toBe(true);
			expect(shown.respondents.has(units['Team C'])).toBe(false);
		});
	}
});

function totalOf(nodes: GroupNode[], id: string, role: Role): number {
	const n = nodes.find((x) => x.id === id)!;
	return n.own[role] + nodes.filter((x) => x.parentId === id).reduce((s, c) => s + totalOf(nodes, c.id, role), 0);
}
