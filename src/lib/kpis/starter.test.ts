import { describe, expect, it } from 'vitest';
import { kpiAlarm } from './alarm';
import { toDecimal } from './rational';
import { figures, rollUp, totalsOf } from './rollup';
import { starterKpis } from './starter';

describe('the starter KPIs', () => {
	const set = starterKpis();
	const byKey = new Map(set.map((d) => [d.key, d]));

	it('are a valid set: the eight KPIs and the parts they are built from', () => {
		const alarmed = set.filter((d) => d.alarm.month || d.alarm.ytd).map((d) => d.key);
		expect(alarmed).toEqual([
			'order_intake',
			'sales',
			'gross_margin',
			'new_customers',
			'pipeline_coverage',
			'forecast_accuracy',
			'customer_meetings',
			'lost_customers'
		]);
		expect(set.filter((d) => !alarmed.includes(d.key)).map((d) => d.key)).toEqual(['pipeline_value', 'remaining_target', 'forecast_value']);
	});

	it('have names in both languages', () => {
		expect(set.map((d) => d.names.sv).slice(0, 8)).toEqual([
			'Orderingång',
			'Försäljning',
			'Bruttomarginal',
			'Nya kunder',
			'Pipelinetäckning',
			'Prognosträffsäkerhet',
			'Kundmöten',
			'Förlorade kunder'
		]);
	});

	it('count lost customers as better when fewer', () => {
		expect(set.filter((d) => d.direction === 'lower' && d.alarm.month).map((d) => d.key)).toEqual(['lost_customers']);
	});

	it('cover pipeline as total pipeline over total gap, and weigh forecast accuracy by the forecast', () => {
		const r = rollUp(set, [
			figures({ pipeline_value: '300', remaining_target: '100', forecast_accuracy: '90', forecast_value: '1000' }),
			figures({ pipeline_value: '100', remaining_target: '300', forecast_accuracy: '50', forecast_value: '250' })
		]);
		expect(toDecimal(r.pipeline_coverage!)).toBe('1'); // 400 ÷ 400, not the mean of 3 and 0.33
		expect(toDecimal(r.forecast_accuracy!)).toBe('82'); // (900 + 125) ÷ 1250
	});

	it.each([
		// the worked examples of docs/kpis.md: actuals January to March; month, ytd, run rate, worst
		[
			['1000', '950', '880'],
			['amber', 'amber', 'amber', 'amber']
		],
		[
			['1000', '1000', '800'],
			['red', 'amber', 'amber', 'red']
		],
		[
			['1000', null, '800'],
			['red', 'red', 'red', 'red']
		],
		[
			['1000', '1000', null],
			['no_data', 'no_data', 'no_data', 'no_data']
		],
		[
			['1000', '1000', '905'],
			['ok', 'ok', 'ok', 'ok']
		]
	])('raise the documented alarms for sales of %j', (actuals, expected) => {
		const months = (xs: (string | null)[]) => xs.map((v) => (v === null ? null : totalsOf(set, figures({ sales: v }))));
		const a = kpiAlarm(byKey.get('sales')!, set, { plan: months(Array<string>(12).fill('1000')), actual: months(actuals) }, 3);
		expect([a.month?.status, a.ytd?.status, a.runRate?.status, a.worst]).toEqual(expected);
	});
});
