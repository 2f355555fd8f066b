import { describe, expect, it } from 'vitest';
import { adviceLevel, chooseAdvice, CLEAR_GAP, gapPattern, type FullAreaAdvice } from './advice';

const thresholds = { basics: 2.5, high: 3.7 };

describe('adviceLevel', () => {
	it('picks the level by the score as shown, at each boundary', () => {
		expect(adviceLevel(1, thresholds)).toBe('basics');
		expect(adviceLevel(2.49, thresholds)).toBe('basics');
		expect(adviceLevel(2.5, thresholds)).toBe('consistent');
		expect(adviceLevel(3.7, thresholds)).toBe('consistent');
		expect(adviceLevel(3.71, thresholds)).toBe('refine');
		expect(adviceLevel(5, thresholds)).toBe('refine');
	});

	it('decides on two decimals, as the page shows the score', () => {
		expect(adviceLevel(2.4951, thresholds)).toBe('consistent'); // shown as 2.50
		expect(adviceLevel(2.4949, thresholds)).toBe('basics'); // shown as 2.49
		expect(adviceLevel(3.7049, thresholds)).toBe('consistent'); // shown as 3.70: not green, not refine
		expect(adviceLevel(3.705, thresholds)).toBe('refine'); // shown as 3.71
	});

	it('has no level without a shown score, and uses 2.5 when the model names no basics threshold', () => {
		expect(adviceLevel(null, thresholds)).toBeNull();
		expect(adviceLevel(2.49, { high: 3.7 })).toBe('basics');
		expect(adviceLevel(2.5, { high: 3.7 })).toBe('consistent');
		expect(adviceLevel(2.9, { basics: 3, high: 3.7 })).toBe('basics');
	});
});

describe('gapPattern', () => {
	it('is firstHigher or firstLower only when the shown scores differ by at least CLEAR_GAP', () => {
		expect(CLEAR_GAP).toBe(0.5);
		expect(gapPattern(3.7, 3.2)).toBe('firstHigher');
		expect(gapPattern(3.69, 3.2)).toBeNull();
		expect(gapPattern(3.2, 3.7)).toBe('firstLower');
		expect(gapPattern(3.2, 3.69)).toBeNull();
		expect(gapPattern(2.6, 2.104)).toBe('firstHigher'); // shown 2.10 and 2.60
		expect(gapPattern(2.6, 2.106)).toBeNull(); // shown 2.11 and 2.60
	});

	it('is none when either group’s score is hidden: a hidden figure is never inferred', () => {
		expect(gapPattern(4.5, null)).toBeNull();
		expect(gapPattern(null, 1.5)).toBeNull();
	});
});

describe('chooseAdvice', () => {
	const full: FullAreaAdvice = {
		levels: { basics: 'Start with basics.', consistent: 'Make it consistent.', refine: 'Refine and share.' },
		gap: { firstHigher: 'On paper, not felt.', firstLower: 'Hidden good practice.' },
		plan: { days30: ['Step 30'], days60: ['Step 60'], days90: ['Step 90'] },
		agenda: ['One', 'Two', 'Three'],
		kpi: { name: 'Forecast accuracy', target: 'Within ±10 %', why: 'Shows whether forecasts can be trusted.' },
		pitfalls: ['P1', 'P2']
	};
	const base = { summary: 'General summary.', actions: ['Do this.'], levels: null, thresholds };

	it('gives the level’s text and the gap paragraph where the figures are shown', () => {
		const a = chooseAdvice({ ...base, full, score: 2.49, pair: { first: 2.9, second: 2.2 } });
		expect(a).toMatchObject({ level: 'basics', summary: 'Start with basics.', gap: { pattern: 'firstHigher', text: 'On paper, not felt.' } });
		expect(a.plan?.days30).toEqual(['Step 30']);
		expect(a.kpi?.target).toBe('Within ±10 %');
		expect(chooseAdvice({ ...base, full, score: 3.71, pair: { first: 3.8, second: 4.3 } })).toMatchObject({
			level: 'refine',
			summary: 'Refine and share.',
			gap: { pattern: 'firstLower' }
		});
	});

	it('has no gap paragraph when the split is hidden, and the general summary when the score is hidden', () => {
		expect(chooseAdvice({ ...base, full, score: 3, pair: null }).gap).toBeNull();
		expect(chooseAdvice({ ...base, full, score: 3, pair: { first: 4.9, second: null } }).gap).toBeNull();
		const hidden = chooseAdvice({ ...base, full, score: null, pair: null });
		expect(hidden).toMatchObject({ level: null, summary: 'General summary.', gap: null });
		expect(hidden.agenda).toEqual(full.agenda);
	});

	it('gives the level’s text of a model with advice per level only, and no gap paragraph', () => {
		const levels = { basics: 'B.', consistent: 'C.', refine: 'R.' };
		const a = chooseAdvice({ ...base, levels, full: null, score: 3.71, pair: { first: 2, second: 4 } });
		expect(a).toMatchObject({ level: 'refine', summary: 'R.', gap: null, plan: null });
	});

	it('falls back to the summary and actions of a model without full advice (1.0)', () => {
		const a = chooseAdvice({ ...base, full: null, score: 2, pair: { first: 3, second: 1.5 } });
		expect(a).toEqual({ level: null, summary: 'General summary.', actions: ['Do this.'], gap: null, plan: null, agenda: null, kpi: null, pitfalls: null });
	});
});
