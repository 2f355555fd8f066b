import { describe, expect, it } from 'vitest';
import { db } from '$lib/server/db';
import { createTestActor, createTestOrganization, uniqueEmail } from '$tests/fixtures';
import type { Year } from '$lib/kpis/alarm';
import { merge, rollUpTree, totalsOf, figures, type Figures, type Totals } from '$lib/kpis/rollup';
import { saveKpiSet } from './definitions';
import { kpiBoard } from './board';
import { cellsOf } from './board-combine';

const base = { names: { en: 'x', sv: 'x' }, direction: 'higher' } as const;
const ytd = { month: { amberPct: '5', redPct: '10' }, ytd: { amberPct: '5', redPct: '10' } };
const SET = [
	{ ...base, key: 'sales', unit: 'currency', rollup: { kind: 'sum' }, alarm: { ...ytd, runRate: true } },
	{ ...base, key: 'won', unit: 'count', rollup: { kind: 'sum' }, alarm: ytd },
	{ ...base, key: 'closed', unit: 'count', rollup: { kind: 'sum' } },
	{ ...base, key: 'win_rate', unit: 'percent', rollup: { kind: 'ratio', numerator: 'won', denominator: 'closed' }, alarm: ytd },
	{ ...base, key: 'forecast', unit: 'currency', rollup: { kind: 'sum' } },
	{ ...base, key: 'accuracy', unit: 'percent', rollup: { kind: 'weighted', base: 'forecast' }, alarm: ytd },
	{ key: 'lost', names: { en: 'Lost', sv: 'Förlorade' }, unit: 'count', direction: 'lower', rollup: { kind: 'sum' }, alarm: { ...ytd, runRate: true } }
];
const MONTHS = 12;

/** A small deterministic random source (mulberry32), so a failing tree can be replayed from its seed. */
function random(seed: number) {
	let a = seed;
	return () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

interface Member {
	kind: 'unit' | 'person';
	id: string;
	/** The unit it counts at (a person's users.unit_id); null: a person outside the tree. */
	at: string | null;
	plan: Figures[];
	actual: Figures[];
}

/** A random organization: a tree of units, people in some of them (and one outside), random plans and actuals with gaps, zeros and decimals. */
async function randomOrganization(seed: number) {
	const rnd = random(seed);
	const org = await createTestOrganization();
	const admin = await createTestActor(org.id, 'admin');
	const kpis = await saveKpiSet({ organizationId: org.id, actor: admin, definitions: SET });
	const set = kpis.map((k) => k.definition);
	const units: { id: string; parentId: string | null }[] = [];
	for (let i = 0; i < 9; i++) {
		const parentId = i < 2 || rnd() < 0.15 ? null : units[Math.floor(rnd() * units.length)].id;
		const u = await db()
			.insertInto('units')
			.values({ organization_id: org.id, name: `U${i}`, parent_id: parentId })
			.returning('id')
			.executeTakeFirstOrThrow();
		units.push({ id: u.id, parentId });
	}
	const members: Member[] = units.map((u) => ({ kind: 'unit', id: u.id, at: u.id, plan: [], actual: [] }));
	for (let i = 0; i < 14; i++) {
		const at = i === 0 ? null : units[Math.floor(rnd() * units.length)].id;
		const p = await db()
			.insertInto('users')
			.values({ organization_id: org.id, name: `P${i}`, email: uniqueEmail(), unit_id: at, access: 'participant' })
			.returning('id')
			.executeTakeFirstOrThrow();
		members.push({ kind: 'person', id: p.id, at, plan: [], actual: [] });
	}
	const value = () => {
		const r = rnd();
		if (r < 0.25) return null;
		if (r < 0.3) return '0';
		return (Math.floor(rnd() * 100_000) / 100).toString();
	};
	const rows = [];
	for (const m of members)
		for (let month = 0; month < MONTHS; month++) {
			const plan: Record<string, string | null> = {};
			const actual: Record<string, string | null> = {};
			for (const k of kpis) {
				if (k.definition.rollup.kind === 'ratio') continue;
				plan[k.key] = value();
				actual[k.key] = month > 8 ? null : value();
				if (plan[k.key] === null && actual[k.key] === null) continue;
				rows.push({
					organization_id: org.id,
					kpi_id: k.id,
					unit_id: m.kind === 'unit' ? m.id : null,
					user_id: m.kind === 'person' ? m.id : null,
					month: `2026-${String(month + 1).padStart(2, '0')}-01`,
					plan: plan[k.key],
					actual: actual[k.key],
					updated_by: 'test'
				});
			}
			m.plan.push(figures(plan));
			m.actual.push(figures(actual));
		}
	await db().insertInto('kpi_values').values(rows).execute();
	return { org, admin, set, units, members };
}

describe('the board’s roll-up in SQL', () => {
	it('equals the reference roll-up (rollup.ts) and alarm (alarm.ts) for every row of every unit, on random trees', async () => {
		const seen = new Set<string>();
		for (const seed of [1, 2, 3]) {
			const { admin, set, units, members } = await randomOrganization(seed);
			// The reference: per month, each unit's subtree totals (rollUpTree) from its own figures and its people's.
			const side = (pick: (m: Member) => Figures[]) =>
				Array.from({ length: MONTHS }, (_, i) => {
					const own = new Map<string, Figures[]>();
					for (const m of members) if (m.at) own.set(m.at, [...(own.get(m.at) ?? []), pick(m)[i]]);
					return rollUpTree(set, units, own);
				});
			const [plans, actuals] = [side((m) => m.plan), side((m) => m.actual)];
			const yearOf = (f: (month: number, which: 'plan' | 'actual') => Totals): Year => ({
				plan: Array.from({ length: MONTHS }, (_, i) => f(i, 'plan')),
				actual: Array.from({ length: MONTHS }, (_, i) => f(i, 'actual'))
			});
			const unitYear = (id: string) => yearOf((i, w) => (w === 'plan' ? plans : actuals)[i].get(id)!);
			const memberYear = (m: Member) => yearOf((i, w) => totalsOf(set, m[w][i]));
			const topYear = yearOf((i, w) =>
				merge(set, [
					...units.filter((u) => u.parentId === null).map((u) => (w === 'plan' ? plans : actuals)[i].get(u.id)!),
					...members.filter((m) => m.kind === 'person' && m.at === null).map((m) => totalsOf(set, m[w][i]))
				])
			);
			for (const month of [3, 9, 10]) {
				const at = `2026-${String(month).padStart(2, '0')}`;
				for (const unit of [null, ...units]) {
					const board = await kpiBoard({ actor: admin, unitId: unit?.id ?? null, month: at });
					const label = `seed ${seed}, ${at}, unit ${unit ? units.indexOf(unit) : 'top'}`;
					expect(board.total.cells, label).toEqual(cellsOf(set, unit ? unitYear(unit.id) : topYear, month));
					for (const c of board.total.cells) for (const check of [c.month, c.ytd, c.runRate]) if (check) seen.add(check.status);
					for (const row of board.rows) {
						const m = members.find((x) => x.id === row.id && (row.kind === 'person') === (x.kind === 'person'))!;
						const expected = row.kind === 'unit' ? unitYear(row.id!) : memberYear(m);
						expect(row.cells, `${label}, ${row.kind} ${row.name}`).toEqual(cellsOf(set, expected, month));
					}
					const children = units.filter((u) => u.parentId === (unit?.id ?? null)).length;
					expect(board.rows.filter((r) => r.kind === 'unit')).toHaveLength(children);
				}
			}
		}
		// The random figures reach every status, so the comparison covers each branch of the rule.
		expect([...seen].sort()).toEqual(['amber', 'no_data', 'ok', 'red']);
	}, 120_000);
});
