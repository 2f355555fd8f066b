import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { STARTER_KPIS } from './starter';
import { areasOfKpi, KPI_AREAS } from './areas';

const modelAreas = (JSON.parse(readFileSync('models/sos/1.1/model.json', 'utf8')).areas as { key: string }[]).map((a) => a.key);

describe('the areas behind a KPI', () => {
	it('names only areas of the model, and only starter KPIs', () => {
		const starter = new Set(STARTER_KPIS.map((k) => k.key));
		for (const [kpi, areas] of Object.entries(KPI_AREAS)) {
			expect(starter.has(kpi), kpi).toBe(true);
			expect(areas.length).toBeGreaterThan(0);
			for (const a of areas) expect(modelAreas, `${kpi} → ${a}`).toContain(a);
			expect(new Set(areas).size).toBe(areas.length);
		}
	});

	it('covers every starter KPI that has an alarm', () => {
		for (const k of STARTER_KPIS) if (k.alarm?.month || k.alarm?.ytd) expect(areasOfKpi(k.key).length, k.key).toBeGreaterThan(0);
	});

	it('points forecast misses to Forecasting first and meetings to activity', () => {
		expect(areasOfKpi('forecast_accuracy')[0]).toBe('forecasting');
		expect(areasOfKpi('customer_meetings')[0]).toBe('activity_planning');
		expect(areasOfKpi('order_intake')[0]).toBe('targets');
	});

	it('knows nothing of a KPI an organization made itself, nor of inherited keys', () => {
		expect(areasOfKpi('win_rate')).toEqual([]);
		expect(areasOfKpi('constructor')).toEqual([]);
		expect(areasOfKpi('toString')).toEqual([]);
	});
});
