import { describe, expect, it } from 'vitest';
import { db } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/actor';
import { createTestActor, createTestOrganization, createTestTeam } from '$tests/fixtures';
import { NotFoundError, ValidationError } from '$lib/server/errors';
import { installStarterKpis } from './definitions';
import { upsertKpiValues } from './values';
import type { BoardRow } from '$lib/kpis/board';
import { kpiBoard } from './board';

/** Region → Team A (2 sales people), Team B (1); figures for order intake in March 2026. */
async function setup() {
	const org = await createTestOrganization();
	const admin = await createTestActor(org.id, 'admin');
	await installStarterKpis({ organizationId: org.id, actor: admin });
	const region = await db().insertInto('units').values({ organization_id: org.id, name: 'Region' }).returning('id').executeTakeFirstOrThrow();
	const a = await createTestTeam(org.id, 2, { name: 'Team A' });
	const b = await createTestTeam(org.id, 1, { name: 'Team B' });
	await db().updateTable('units').set({ parent_id: region.id }).where('organization_id', '=', org.id).where('id', 'in', [a.id, b.id]).execute();
	const value = (who: { unit?: string; person?: string }, plan: string, actual: string) => ({ kpi: 'order_intake', month: '2026-03', plan, actual, ...who });
	const values = [value({ person: a.emails[0] }, '100', '90'), value({ person: a.emails[1] }, '100', '80'), value({ person: b.emails[0] }, '100', '120')];
	await upsertKpiValues({ organizationId: org.id, actor: admin, source: 'api', input: { values } });
	const person = async (email: string): Promise<Actor> => {
		const u = await db()
			.selectFrom('users')
			.select(['id', 'unit_id'])
			.where('organization_id', '=', org.id)
			.where('email', '=', email)
			.executeTakeFirstOrThrow();
		const actor = await createTestActor(org.id, 'participant');
		return { ...actor, email, membership: { ...actor.membership!, userId: u.id } };
	};
	return { org, admin, region: region.id, a, b, person };
}
const intake = (row: BoardRow) => row.cells.find((c) => c.kpi === 'order_intake')!;

describe('kpiBoard', () => {
	it('drills an admin from the top down to the people of a team, with the totals rolled up', async () => {
		const { admin, region, a } = await setup();
		const top = await kpiBoard({ actor: admin, month: '2026-03' });
		expect(top.unit).toBeNull();
		expect(top.rows.map((r) => [r.kind, r.name, r.drill])).toEqual([['unit', 'Region', true]]);
		expect(intake(top.total).actual).toBe('290');
		const regionBoard = await kpiBoard({ actor: admin, unitId: region, month: '2026-03' });
		expect(regionBoard.rows.map((r) => [r.name, intake(r).actual])).toEqual([
			['Team A', '170'],
			['Team B', '120']
		]);
		const team = await kpiBoard({ actor: admin, unitId: a.id, month: '2026-03' });
		expect(team.path.map((p) => p.name)).toEqual([expect.stringMatching(/^Test org/), 'Region']);
		expect(team.rows.map((r) => [r.kind, r.name, intake(r).actual])).toEqual([
			['person', 'P0', '90'],
			['person', 'P1', '80']
		]);
	});

	it('colours at the thresholds: 10 % short is amber, 20 % short is red (month thresholds 10/20)', async () => {
		const { org, admin, a } = await setup();
		const team = await kpiBoard({ actor: admin, unitId: a.id, month: '2026-03' });
		expect(team.rows.map((r) => intake(r).month?.status)).toEqual(['amber', 'red']);
		expect(intake(team.total).month).toMatchObject({ status: 'amber', plan: '200', actual: '170', deviationPct: '-15' });
		const ok = await upsertKpiValues({
			organizationId: org.id,
			actor: admin,
			source: 'api',
			input: { values: [{ kpi: 'order_intake', unit: a.id, month: '2026-03', plan: '0', actual: '10.01' }] }
		});
		expect(ok.created).toBe(1);
		const again = await kpiBoard({ actor: admin, unitId: a.id, month: '2026-03' });
		// The team's own figure joins the total: 180.01 of 200 is 9.995 % short, not yet amber's 10: on plan.
		expect(intake(again.total).month).toMatchObject({ status: 'ok', actual: '180.01', deviationPct: '-9.995' });
	});

	it('shows a sales person their own figures and their team’s total, nothing else', async () => {
		const { region, a, b, person } = await setup();
		const p1 = await person(a.emails[1]);
		const board = await kpiBoard({ actor: p1, month: '2026-03' });
		expect(board.unit?.id).toBe(a.id);
		expect(intake(board.total).actual).toBe('170');
		expect(board.rows.map((r) => [r.kind, r.name, r.drill, intake(r).actual])).toEqual([['person', 'P1', false, '80']]);
		expect(board.path).toEqual([]);
		for (const unitId of [region, b.id, 'organization']) await expect(kpiBoard({ actor: p1, unitId, month: '2026-03' })).rejects.toBeInstanceOf(NotFoundError);
		// A sales person signs in as a viewer scoped to no unit: the same view.
		const viewer = { ...p1, membership: { ...p1.membership!, access: 'viewer' as const } };
		expect((await kpiBoard({ actor: viewer, month: '2026-03' })).rows.map((r) => r.name)).toEqual(['P1']);
	});

	it('shows a manager their subtree only, and nothing of another organization', async () => {
		const { org, region, a, b } = await setup();
		const manager = await createTestActor(org.id, 'viewer', a.id);
		const board = await kpiBoard({ actor: manager, month: '2026-03' });
		expect(board.unit?.name).toBe('Team A');
		expect(board.rows.map((r) => r.name)).toEqual(['P0', 'P1']);
		for (const unitId of [region, b.id, 'organization'])
			await expect(kpiBoard({ actor: manager, unitId, month: '2026-03' })).rejects.toBeInstanceOf(NotFoundError);
		const other = await createTestOrganization();
		const stranger = await createTestActor(other.id, 'admin');
		await expect(kpiBoard({ actor: stranger, unitId: a.id })).rejects.toBeInstanceOf(NotFoundError);
		// A viewer scoped to no unit and in none (an assistant, say) has no board.
		const unscoped = await createTestActor(org.id, 'viewer');
		await expect(kpiBoard({ actor: unscoped })).rejects.toBeInstanceOf(NotFoundError);
	});

	it('defaults to the last closed month in the organization’s time zone, and refuses a month that is not one', async () => {
		const { admin } = await setup();
		// 31 Dec 23:30 UTC is already January in Stockholm: December is then the last closed month.
		expect((await kpiBoard({ actor: admin, now: new Date('2026-12-31T23:30:00Z') })).month).toBe('2026-12');
		expect((await kpiBoard({ actor: admin, now: new Date('2026-12-31T22:30:00Z') })).month).toBe('2026-11');
		await expect(kpiBoard({ actor: admin, month: '2026-13' })).rejects.toBeInstanceOf(ValidationError);
	});
});
