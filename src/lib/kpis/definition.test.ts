import { describe, expect, it } from 'vitest';
import { kpiDefinition, kpiSet, type KpiDefinitionInput } from './definition';

const kpi = (key: string, rest: Partial<KpiDefinitionInput> = {}): KpiDefinitionInput => ({
	key,
	names: { en: key.replace(/_/g, ' '), sv: key },
	unit: 'count',
	direction: 'higher',
	rollup: { kind: 'sum' },
	...rest
});

/** The messages of a failed parse, by path. */
function problems(input: unknown): Record<string, string> {
	const r = kpiSet.safeParse(input);
	if (r.success) return {};
	return Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
}

describe('a definition', () => {
	it('fills in the defaults: period month, no alarm', () => {
		const d = kpiDefinition.parse(kpi('sales'));
		expect(d.period).toBe('month');
		expect(d.alarm).toEqual({ month: null, ytd: null, runRate: false });
	});

	it('keeps thresholds exact, as strings', () => {
		const d = kpiDefinition.parse(kpi('sales', { alarm: { month: { amberPct: 7.5, redPct: '15' } } }));
		expect(d.alarm.month).toEqual({ amberPct: '7.5', redPct: '15' });
	});

	it.each([
		[{ key: 'Sales' }, 'key', 'Use lower-case letters, digits and _ (at most 40), starting with a letter'],
		[{ names: { en: ' ', sv: 'x' } }, 'names.en', 'Required'],
		[{ unit: 'euro' }, 'unit', 'Must be one of currency, count, percent, ratio'],
		[{ direction: 'up' }, 'direction', 'Must be higher or lower (which is better)'],
		[{ rollup: { kind: 'median' } }, 'rollup.kind', 'Must be sum, weighted or ratio'],
		[{ period: 'week' }, 'period', 'KPIs are planned and followed per month'],
		[{ alarm: { month: { amberPct: '10', redPct: '5' } } }, 'alarm.month.redPct', 'Amber must be a smaller deviation than red'],
		[{ alarm: { month: { amberPct: '5', redPct: '5' } } }, 'alarm.month.redPct', 'Amber must be a smaller deviation than red'],
		[{ alarm: { ytd: { amberPct: '-5', redPct: '10' } } }, 'alarm.ytd.amberPct', 'Between 0 and 1000 %'],
		[{ alarm: { ytd: { amberPct: '5 %', redPct: '10' } } }, 'alarm.ytd.amberPct', 'Write a number, like 5 or 7.5'],
		[{ alarm: { ytd: { amberPct: '5', redPct: 'ten' } } }, 'alarm.ytd.redPct', 'Write a number, like 5 or 7.5']
	])('refuses %j: %s says %s', (change, path, message) => {
		expect(problems([{ ...kpi('sales'), ...change }])[`0.${path}`]).toBe(message);
	});
});

describe('a set', () => {
	const won = kpi('won_deals');
	const closed = kpi('closed_deals');

	it('accepts parts that are summed KPIs of the set', () => {
		const set = [won, closed, kpi('win_rate', { unit: 'percent', rollup: { kind: 'ratio', numerator: 'won_deals', denominator: 'closed_deals' } })];
		expect(problems(set)).toEqual({});
	});

	it.each([
		['a key twice', [won, won], { '1.key': 'The key won_deals is used twice' }],
		[
			'a part that is not in the set',
			[won, kpi('win_rate', { rollup: { kind: 'ratio', numerator: 'won_deals', denominator: 'lost_deals' } })],
			{ '1.rollup.denominator': 'There is no KPI lost_deals in this set' }
		],
		[
			'the same numerator and denominator',
			[won, kpi('odd', { rollup: { kind: 'ratio', numerator: 'won_deals', denominator: 'won_deals' } })],
			{ '1.rollup.denominator': 'The numerator and the denominator must be different KPIs' }
		],
		[
			'a weight that is an average',
			[won, kpi('avg', { rollup: { kind: 'weighted', base: 'won_deals' } }), kpi('other', { rollup: { kind: 'weighted', base: 'avg' } })],
			{ '2.rollup.base': 'other is built from avg, which must be summed (an average or a ratio cannot be a part)' }
		],
		['itself as its base', [kpi('loop', { rollup: { kind: 'weighted', base: 'loop' } })], { '0.rollup': 'A KPI cannot be built from itself: loop → loop' }],
		[
			'a cycle through two',
			[won, kpi('a', { rollup: { kind: 'ratio', numerator: 'b', denominator: 'won_deals' } }), kpi('b', { rollup: { kind: 'weighted', base: 'a' } })],
			{ '1.rollup': 'A KPI cannot be built from itself: a → b → a', '2.rollup': 'A KPI cannot be built from itself: b → a → b' }
		],
		[
			'a run rate on a ratio',
			[won, closed, kpi('rate', { rollup: { kind: 'ratio', numerator: 'won_deals', denominator: 'closed_deals' }, alarm: { runRate: true } })],
			{ '2.alarm.runRate': 'A run-rate forecast only makes sense for a summed KPI' }
		],
		[
			'a run rate without year-to-date thresholds',
			[kpi('sales', { alarm: { runRate: true } })],
			{ '0.alarm.ytd': 'The run-rate forecast is graded with the year-to-date thresholds: set them' }
		]
	])('refuses %s', (_, set, expected) => {
		expect(problems(set)).toEqual(expected);
	});

	it('names a cycle once, not again at the KPIs that lead into it', () => {
		const set = [
			won,
			kpi('a', { rollup: { kind: 'weighted', base: 'b' } }),
			kpi('b', { rollup: { kind: 'weighted', base: 'a' } }),
			kpi('c', { rollup: { kind: 'weighted', base: 'a' } })
		];
		expect(problems(set)['3.rollup']).toBeUndefined();
		expect(problems(set)['3.rollup.base']).toBe('c is built from a, which must be summed (an average or a ratio cannot be a part)');
	});
});
