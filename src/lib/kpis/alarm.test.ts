import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import en from '../../../messages/en.json';
import sv from '../../../messages/sv.json';
import { ALARM_SHAPES, ALARM_STATUSES, alarmWordKey, grade, kpiAlarm, worstOf, type AlarmStatus, type Year } from './alarm';
import { kpiSet, type Thresholds } from './definition';
import { absQ, add, div, mul, q, sub, toDecimal, toFixed, type Q } from './rational';
import { figures, totalsOf } from './rollup';

const t: Thresholds = { amberPct: '5', redPct: '10' };
const status = (plan: string | null, actual: string | null, direction: 'higher' | 'lower' = 'higher', th = t) =>
	grade(plan === null ? null : q(plan), actual === null ? null : q(actual), direction, th).status;

describe('grade', () => {
	it.each([
		// plan, actual, direction, status
		['100', '100', 'higher', 'ok'],
		['100', '120', 'higher', 'ok'],
		['100', '95.01', 'higher', 'ok'],
		['100', '95', 'higher', 'amber'], // exactly 5 % short: amber
		['100', '90.01', 'higher', 'amber'],
		['100', '90', 'higher', 'red'], // exactly 10 % short: red
		['100', '0', 'higher', 'red'],
		['100', '-50', 'higher', 'red'],
		['10', '10', 'lower', 'ok'], // lost customers: fewer is better
		['10', '8', 'lower', 'ok'],
		['10', '10.49', 'lower', 'ok'],
		['10', '10.5', 'lower', 'amber'], // exactly 5 % over
		['10', '11', 'lower', 'red'], // exactly 10 % over
		['-100', '-105', 'higher', 'amber'], // a planned loss 5 % deeper
		['-100', '-90', 'higher', 'ok'],
		['-100', '-111', 'higher', 'red'],
		['0', '0', 'higher', 'ok'], // a plan of 0: no percentage, only a side
		['0', '5', 'higher', 'ok'],
		['0', '-0.01', 'higher', 'red'],
		['0', '0', 'lower', 'ok'],
		['0', '1', 'lower', 'red'],
		['0', '-1', 'lower', 'ok']
	] as const)('plan %s, actual %s, %s is better: %s', (plan, actual, direction, expected) => {
		expect(status(plan, actual, direction)).toBe(expected);
	});

	it('says what is missing, and raises no alarm without data', () => {
		expect(grade(null, q(5), 'higher', t)).toEqual({ status: 'no_data', plan: null, actual: q(5), deviationPct: null, missing: 'plan' });
		expect(grade(q(5), null, 'higher', t)).toEqual({ status: 'no_data', plan: q(5), actual: null, deviationPct: null, missing: 'actual' });
		expect(status(null, null)).toBe('no_data');
	});

	it('gives the exact deviation', () => {
		expect(toDecimal(grade(q('200'), q('190'), 'higher', t).deviationPct!)).toBe('-5');
		expect(toFixed(grade(q('3'), q('2'), 'higher', t).deviationPct!, 1)).toBe('-33.3');
		expect(toDecimal(grade(q('-100'), q('-105'), 'higher', t).deviationPct!)).toBe('-5');
		expect(grade(q('0'), q('3'), 'higher', t).deviationPct).toBeNull();
	});

	it('with amber at 0, any miss is amber and being on plan is not', () => {
		const any = { amberPct: '0', redPct: '10' };
		expect(status('100', '99.99', 'higher', any)).toBe('amber');
		expect(status('100', '100', 'higher', any)).toBe('ok');
	});
});

describe('grade properties', () => {
	const decimal = fc.integer({ min: -1_000_000, max: 1_000_000 }).map((n) => q(String(n / 100)));
	const nonZero = decimal.filter((x) => x.n !== 0n);
	const pct = fc.integer({ min: 1, max: 5000 }).map((n) => (n / 100).toFixed(2));
	const rank: Record<AlarmStatus, number> = { no_data: -1, ok: 0, amber: 1, red: 2 };
	const g = (p: Q, a: Q, d: 'higher' | 'lower', th = t) => grade(p, a, d, th).status;

	it('turns exactly at each threshold, whatever the plan and direction', () => {
		fc.assert(
			fc.property(nonZero, pct, pct, (plan, x, y) => {
				const [amberPct, redPct] = Number(x) < Number(y) ? [x, y] : [y, x];
				if (amberPct === redPct) return;
				const th = { amberPct, redPct };
				const at = (p: string, dir: 'higher' | 'lower') => {
					const off = div(mul(absQ(plan), q(p)), q(100)); // p % of |plan|
					return dir === 'higher' ? sub(plan, off) : add(plan, off);
				};
				const eps = q('0.000001');
				for (const dir of ['higher', 'lower'] as const) {
					const worse = (x: Q) => (dir === 'higher' ? sub(x, eps) : add(x, eps));
					const better = (x: Q) => (dir === 'higher' ? add(x, eps) : sub(x, eps));
					expect(g(plan, at(amberPct, dir), dir, th)).toBe('amber');
					expect(g(plan, better(at(amberPct, dir)), dir, th)).toBe('ok');
					expect(g(plan, at(redPct, dir), dir, th)).toBe('red');
					expect(g(plan, better(at(redPct, dir)), dir, th)).toBe('amber');
					expect(g(plan, worse(at(redPct, dir)), dir, th)).toBe('red');
				}
			})
		);
	});

	it('mirrors: lower-is-better at 2·plan − actual grades as higher-is-better at actual', () => {
		fc.assert(
			fc.property(decimal, decimal, (plan, actual) => {
				expect(g(plan, sub(mul(q(2), plan), actual), 'lower')).toBe(g(plan, actual, 'higher'));
			})
		);
	});

	it('never gets better as the actual gets worse', () => {
		fc.assert(
			fc.property(decimal, decimal, decimal, (plan, a, b) => {
				const [lo, hi] = a.n * b.d <= b.n * a.d ? [a, b] : [b, a];
				expect(rank[g(plan, lo, 'higher')]).toBeGreaterThanOrEqual(rank[g(plan, hi, 'higher')]);
				expect(rank[g(plan, hi, 'lower')]).toBeGreaterThanOrEqual(rank[g(plan, lo, 'lower')]);
			})
		);
	});
});

const set = kpiSet.parse([
	{
		key: 'sales',
		names: { en: 'Sales', sv: 'Försäljning' },
		unit: 'currency',
		direction: 'higher',
		rollup: { kind: 'sum' },
		alarm: { month: { amberPct: '10', redPct: '20' }, ytd: t, runRate: true }
	},
	{
		key: 'lost',
		names: { en: 'Lost customers', sv: 'Förlorade kunder' },
		unit: 'count',
		direction: 'lower',
		rollup: { kind: 'sum' },
		alarm: { month: { amberPct: '20', redPct: '40' }, ytd: { amberPct: '10', redPct: '20' }, runRate: true }
	},
	{ key: 'won', names: { en: 'Won', sv: 'Vunna' }, unit: 'count', direction: 'higher', rollup: { kind: 'sum' } },
	{ key: 'closed', names: { en: 'Closed', sv: 'Avslutade' }, unit: 'count', direction: 'higher', rollup: { kind: 'sum' } },
	{
		key: 'win_rate',
		names: { en: 'Win rate', sv: 'Vinstandel' },
		unit: 'percent',
		direction: 'higher',
		rollup: { kind: 'ratio', numerator: 'won', denominator: 'closed' },
		alarm: { month: t, ytd: t }
	}
]);
const def = (key: string) => set.find((d) => d.key === key)!;

/** A year from monthly figures of one KPI (January first); null or a missing month has no figure. */
function year(key: string, plan: (string | null)[], actual: (string | null)[]): Year {
	const months = (xs: (string | null)[]) => xs.map((v) => (v === null ? null : totalsOf(set, figures({ [key]: v }))));
	return { plan: months(plan), actual: months(actual) };
}
const flat = (v: string) => Array<string>(12).fill(v);
const summary = (a: ReturnType<typeof kpiAlarm>) => ({
	month: a.month?.status,
	ytd: a.ytd?.status,
	runRate: a.runRate?.status,
	worst: a.worst,
	ytdPct: a.ytd?.deviationPct ? toFixed(a.ytd.deviationPct, 2) : null,
	forecast: a.runRate?.actual ? toFixed(a.runRate.actual, 2) : null
});

describe('kpiAlarm', () => {
	it('checks the month, the year to date and the run rate', () => {
		// Plan 100 a month; actual 100, 100, 80. March is 20 % short (red at 20), the year 280 of 300 (−6.67 %, amber),
		// and at this pace the year ends at 280 ÷ 3 × 12 = 1120 of 1200 (−6.67 %, amber).
		const a = kpiAlarm(def('sales'), set, year('sales', flat('100'), ['100', '100', '80']), 3);
		expect(summary(a)).toEqual({ month: 'red', ytd: 'amber', runRate: 'amber', worst: 'red', ytdPct: '-6.67', forecast: '1120.00' });
	});

	it('sees a seasonal plan in the year to date, where the plain run rate does not', () => {
		// A plan heavy in the autumn: 50 a month until June, 150 after. Running at plan, the YTD is on plan,
		// but 300 ÷ 6 × 12 = 600 against 1200 is red: the run rate assumes an even year. Turn it off for such KPIs.
		const plan = [...Array<string>(6).fill('50'), ...Array<string>(6).fill('150')];
		const a = kpiAlarm(def('sales'), set, year('sales', plan, Array<string>(6).fill('50')), 6);
		expect(summary(a)).toEqual({ month: 'ok', ytd: 'ok', runRate: 'red', worst: 'red', ytdPct: '0.00', forecast: '600.00' });
	});

	it('has no data without the month’s actual, and raises no alarm', () => {
		const a = kpiAlarm(def('sales'), set, year('sales', flat('100'), ['100', '100', null]), 3);
		expect(summary(a)).toMatchObject({ month: 'no_data', ytd: 'no_data', runRate: 'no_data', worst: 'no_data' });
		expect(a.month?.missing).toBe('actual');
	});

	it('leaves a month without an actual out of both sides of the year to date and out of the pace', () => {
		// February is missing: Jan + Mar = 180 of 200 (−10 %, red); pace 180 ÷ 2 × 12 = 1080 of 1200 (−10 %, red).
		const a = kpiAlarm(def('sales'), set, year('sales', flat('100'), ['100', null, '80']), 3);
		expect(summary(a)).toEqual({ month: 'red', ytd: 'red', runRate: 'red', worst: 'red', ytdPct: '-10.00', forecast: '1080.00' });
	});

	it('leaves a month without a plan out of the year to date; the run rate needs all twelve', () => {
		const plan: (string | null)[] = [null, '100', '100', ...flat('100').slice(3)];
		const a = kpiAlarm(def('sales'), set, year('sales', plan, ['500', '100', '100']), 3);
		expect(summary(a)).toMatchObject({ ytd: 'ok', ytdPct: '0.00', runRate: 'no_data' });
		expect(a.runRate?.missing).toBe('plan');
	});

	it('treats a plan of 0 by its side: lost customers planned at 0', () => {
		const none = kpiAlarm(def('lost'), set, year('lost', flat('0'), ['0', '0']), 2);
		expect(summary(none)).toMatchObject({ month: 'ok', ytd: 'ok', runRate: 'ok', worst: 'ok' });
		const one = kpiAlarm(def('lost'), set, year('lost', flat('0'), ['0', '1']), 2);
		expect(summary(one)).toMatchObject({ month: 'red', ytd: 'red', runRate: 'red' });
	});

	it('alarms when fewer is better and there are more', () => {
		// Plan 10 lost a month; 12 in January: month +20 % (amber at 20), year +20 % (red at 20), pace 144 of 120 (red).
		const a = kpiAlarm(def('lost'), set, year('lost', flat('10'), ['12']), 1);
		expect(summary(a)).toEqual({ month: 'amber', ytd: 'red', runRate: 'red', worst: 'red', ytdPct: '20.00', forecast: '144.00' });
		expect(kpiAlarm(def('lost'), set, year('lost', flat('10'), ['8']), 1).worst).toBe('ok');
	});

	it('takes a ratio’s year to date from the summed parts, not the mean of the months', () => {
		const month = (won: string, closed: string) => totalsOf(set, figures({ won, closed }));
		// Planned 50 % both months; won 1 of 1, then 1 of 9: months 100 % and 11 %, mean 55.6 %, but 2 of 10 = 20 %.
		const y: Year = { plan: [month('5', '10'), month('5', '10')], actual: [month('1', '1'), month('1', '9')] };
		const a = kpiAlarm(def('win_rate'), set, y, 2);
		expect(toDecimal(a.ytd!.actual!)).toBe('20');
		expect(toDecimal(a.ytd!.plan!)).toBe('50');
		expect(a.runRate).toBeNull();
	});

	it('checks only what the KPI has alarms for', () => {
		const a = kpiAlarm(def('won'), set, year('won', flat('1'), ['1']), 1);
		expect(a).toEqual({ month: null, ytd: null, runRate: null, worst: 'no_data' });
	});

	it('refuses a month outside 1–12', () => {
		expect(() => kpiAlarm(def('sales'), set, year('sales', [], []), 13)).toThrow(RangeError);
	});

	it('agrees across checks when every month runs at the same pace', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 0, max: 2000 }), (m, p, a) => {
				const r = kpiAlarm(def('sales'), set, year('sales', flat(String(p)), Array<string>(m).fill(String(a))), m);
				expect(toDecimal(r.ytd!.deviationPct!)).toBe(toDecimal(r.runRate!.deviationPct!));
				expect(toDecimal(r.ytd!.deviationPct!)).toBe(toDecimal(r.month!.deviationPct!));
			})
		);
	});
});

describe('status words and shapes', () => {
	it('ranks red, amber, no data, ok', () => {
		expect(worstOf(['ok', 'amber', 'no_data'])).toBe('amber');
		expect(worstOf(['ok', 'no_data'])).toBe('no_data');
		expect(worstOf(['red', 'amber'])).toBe('red');
		expect(worstOf(['ok', 'ok'])).toBe('ok');
		expect(worstOf([])).toBe('no_data');
	});

	it('gives each status its own shape and a word in both languages', () => {
		expect(new Set(Object.values(ALARM_SHAPES)).size).toBe(ALARM_STATUSES.length);
		for (const s of ALARM_STATUSES) {
			expect((en as Record<string, unknown>)[alarmWordKey(s)]).toBeTruthy();
			expect((sv as Record<string, unknown>)[alarmWordKey(s)]).toBeTruthy();
		}
	});
});
