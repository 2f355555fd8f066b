import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '$lib/server/db';
import { createTestActor, createTestOrganization } from '$tests/fixtures';
import { createPublishedRound } from '$tests/results';
import { baseUrl, call, sessionCookie } from '../support/http';
import { apiClient } from '../support/api-client';

/**
 * Heatmap cuts by a unit attribute against the real server. A cut is a group across the tree, so the
 * attacker's question is linear algebra: with every unit figure a caller sees as an equation over the
 * units' own respondents, does a shown cut add a new one? It must not: the rank stays the same.
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
const attributes: Record<string, Record<string, string>> = {
	North: { sales_model: 'Field' },
	'Team D': { sales_model: 'Field', country: 'Sweden' },
	'Team E': { sales_model: 'Inside' },
	'Team A': { country: 'Sweden' },
	'Team B': { country: 'Sweden' }
};

let org: { id: string };
let roundId: string;
let units: Record<string, string>;
let admin: string;
let viewer: string;

beforeAll(async () => {
	org = await createTestOrganization();
	({ roundId, unitIds: units } = await createPublishedRound({ organizationId: org.id, tree, k: 5 }));
	for (const [name, a] of Object.entries(attributes))
		await db()
			.updateTable('units')
			.set({ attributes: JSON.stringify(a) })
			.where('organization_id', '=', org.id)
			.where('id', '=', units[name])
			.execute();
	admin = await sessionCookie(await createTestActor(org.id, 'admin'));
	viewer = await sessionCookie(await createTestActor(org.id, 'viewer', units.North));
});

const as = (cookie: string) => apiClient(baseUrl(), { cookie });
const names = Object.keys(tree.units);
const parentOf = (n: string) => tree.units[n as keyof typeof tree.units];
/** The units whose own respondents a unit's figure (its subtree) counts. */
const subtree = (n: string): string[] => [n, ...names.filter((c) => parentOf(c) === n).flatMap(subtree)];
const valueOf = (n: string | null, key: string): string | null => (n === null ? null : (attributes[n]?.[key] ?? valueOf(parentOf(n), key)));
const vector = (members: string[]) => names.map((n) => (members.includes(n) ? 1 : 0));

/** Rank over the rationals (small integer matrices: exact enough in floating point with a tolerance). */
function rank(rows: number[][]): number {
	const m = rows.map((r) => [...r]);
	let r = 0;
	for (let c = 0; c < names.length && r < m.length; c++) {
		const p = m.findIndex((row, i) => i >= r && Math.abs(row[c]) > 1e-9);
		if (p < 0) continue;
		[m[r], m[p]] = [m[p], m[r]];
		for (let i = 0; i < m.length; i++) if (i !== r) m[i] = m[i].map((x, j) => x - (m[i][c] / m[r][c]) * m[r][j]);
		r++;
	}
	return r;
}

/** Every whole-unit figure and every cut row the caller is shown, starting at `start`, as 0/1 vectors over the units. */
async function collect(cookie: string, start: string) {
	const api = as(cookie);
	const heat = (await api.GET('/results/{round}/heatmap', { params: { path: { round: roundId }, query: { unit: start, depth: 5 } } })).data!;
	const byId = new Map(Object.entries(units).map(([n, id]) => [id, n]));
	const unitVectors = heat.rows.filter((r) => r.respondents !== null).map((r) => vector(r.id === 'organization' ? names : subtree(byId.get(r.id)!)));
	const cutVectors: number[][] = [];
	for (const key of ['sales_model', 'country']) {
		const cut = (await api.GET('/results/{round}/cuts', { params: { path: { round: roundId }, query: { unit: start, attribute: key } } })).data!;
		const within = start === 'organization' ? names : subtree(byId.get(start)!);
		for (const row of cut.rows.filter((r) => r.respondents !== null)) {
			expect(row.respondents).toBeGreaterThanOrEqual(5);
			cutVectors.push(vector(within.filter((n) => valueOf(n, key) === row.value)));
		}
	}
	return { unitVectors, cutVectors };
}

describe('heatmap cuts through the API', () => {
	it('lists the attributes on offer, and refuses an unknown one with a clear error', async () => {
		const api = as(admin);
		const out = (await api.GET('/results/{round}/cuts', { params: { path: { round: roundId }, query: { unit: 'organization' } } })).data!;
		expect(out.attributes).toEqual(['country', 'sales_model']);
		const bad = await call('GET', `/api/v1/results/${roundId}/cuts?unit=organization&attribute=tenure`, { cookie: admin });
		expect(bad.status).toBe(400);
		expect(bad.data.error.message).toMatch(/no attribute 'tenure'/);
		expect((await call('GET', `/api/v1/results/${roundId}/cuts?unit=organization&attribute=Drop%20table`, { cookie: admin })).status).toBe(400);
	});

	it('adds no equation to what the admin, the viewer, or both together see', async () => {
		const a = await collect(admin, 'organization');
		const v = await collect(viewer, units.North);
		expect(a.cutVectors.length).toBeGreaterThan(0);
		for (const seen of [a, v, { unitVectors: [...a.unitVectors, ...v.unitVectors], cutVectors: [...a.cutVectors, ...v.cutVectors] }])
			expect(rank([...seen.unitVectors, ...seen.cutVectors])).toBe(rank(seen.unitVectors));
	});

	it('answers 404 outside the viewer’s unit', async () => {
		const r = await call('GET', `/api/v1/results/${roundId}/cuts?unit=${units.South}&attribute=sales_model`, { cookie: viewer });
		expect(r.status).toBe(404);
	});
});
