import { describe, expect, it } from 'vitest';
import { db } from '$lib/server/db';
import { createTestActor, createTestOrganization } from '$tests/fixtures';
import { ValidationError } from '$lib/server/errors';
import { installStarterKpis, listKpis } from './definitions';
import { archiveKpi, saveKpi } from './edit';

async function setup() {
	const org = await createTestOrganization();
	const admin = await createTestActor(org.id, 'admin');
	await installStarterKpis({ organizationId: org.id, actor: admin });
	return { organizationId: org.id, actor: admin };
}
const form = {
	name_en: 'Won deals',
	name_sv: 'Vunna affärer',
	unit: 'count',
	direction: 'higher',
	rollup: 'sum',
	month_amber: '10',
	month_red: '20',
	ytd_amber: '',
	ytd_red: ''
};

describe('editing one KPI', () => {
	it('adds a KPI and changes its thresholds, checked with the whole set', async () => {
		const ctx = await setup();
		await saveKpi({ ...ctx, key: null, form: { ...form, key: 'won_deals' } });
		await saveKpi({ ...ctx, key: 'won_deals', form: { ...form, month_amber: '5', month_red: '15' } });
		const won = (await listKpis({ organizationId: ctx.organizationId })).find((k) => k.key === 'won_deals')!;
		expect(won.definition.alarm.month).toEqual({ amberPct: '5', redPct: '15' });
	});

	it('names the field that is wrong', async () => {
		const ctx = await setup();
		const err = await saveKpi({ ...ctx, key: 'sales', form: { ...form, name_en: '', month_amber: '30', month_red: '20' } }).catch((e) => e);
		expect(err).toBeInstanceOf(ValidationError);
		expect(Object.fromEntries(err.details.map((d: { path: string; message: string }) => [d.path, d.message]))).toMatchObject({
			name_en: 'Required',
			month_red: 'Amber must be a smaller deviation than red'
		});
		await expect(saveKpi({ ...ctx, key: null, form: { ...form, key: 'sales' } })).rejects.toThrow(/taken/);
	});

	it('archives a KPI, but not one another KPI is built from', async () => {
		const ctx = await setup();
		await archiveKpi({ ...ctx, key: 'lost_customers' });
		expect((await listKpis({ organizationId: ctx.organizationId })).map((k) => k.key)).not.toContain('lost_customers');
		await expect(archiveKpi({ ...ctx, key: 'pipeline_value' })).rejects.toThrow('Pipeline coverage is built from this KPI: change or archive it first.');
	});

	it('gives a KPI an owner among the viewers and admins, keeps them when the form has no owner field, and clears them', async () => {
		const ctx = await setup();
		const viewer = await createTestActor(ctx.organizationId, 'viewer');
		const participant = await createTestActor(ctx.organizationId, 'participant');
		const owner = async () => (await listKpis({ organizationId: ctx.organizationId })).find((k) => k.key === 'sales')!.owner;
		const sales = { ...form, name_en: 'Sales', name_sv: 'Försäljning' };
		await saveKpi({ ...ctx, key: 'sales', form: { ...sales, owner: viewer.email.toUpperCase() } });
		expect(await owner()).toEqual({ id: viewer.membership!.userId, email: viewer.email, name: 'Test viewer' });
		await saveKpi({ ...ctx, key: 'sales', form: { ...sales, month_amber: '5' } });
		expect((await owner())?.email).toBe(viewer.email);
		const err = await saveKpi({ ...ctx, key: 'sales', form: { ...sales, owner: participant.email } }).catch((e) => e);
		expect(err).toBeInstanceOf(ValidationError);
		expect(err.details).toEqual([{ path: 'owner', message: 'Not a viewer or an admin of this organization' }]);
		const other = await createTestOrganization();
		const stranger = await createTestActor(other.id, 'admin');
		await expect(saveKpi({ ...ctx, key: 'sales', form: { ...sales, owner: stranger.email } })).rejects.toThrow(ValidationError);
		expect((await owner())?.email).toBe(viewer.email);
		await saveKpi({ ...ctx, key: 'sales', form: { ...sales, owner: '' } });
		expect(await owner()).toBeNull();
		const stored = await db()
			.selectFrom('kpis')
			.select('definition')
			.where('organization_id', '=', ctx.organizationId)
			.where('key', '=', 'sales')
			.executeTakeFirstOrThrow();
		expect(stored.definition).not.toHaveProperty('owner');
	});
});
