import { describe, expect, it } from 'vitest';
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
});
