import { describe, expect, it } from 'vitest';
import { shownDifference, statusOf, statusWord } from './colour';

describe('statusOf', () => {
	it.each([
		// score, benchmark, expected
		[3.71, 4.2, 'green'], // above the high value overrides a higher benchmark
		[3.705, 4.2, 'green'], // shown as 3.71
		[3.7, 3.1, 'yellow'], // exactly 3.70 is not above the high value
		[3.7049, 3.1, 'yellow'], // shown as 3.70
		[3.2, 3.2, 'yellow'], // exactly the benchmark
		[3.204, 3.196, 'yellow'], // both shown as 3.20
		[3.19, 3.2, 'red'],
		[3.194, 3.196, 'red'], // 3.19 below 3.20
		[1, 1.01, 'red'],
		[3.6, null, 'neutral'], // no benchmark
		[3.71, null, 'green'],
		[5, 5, 'green']
	] as const)('%s against %s is %s', (score, bm, expected) => {
		expect(statusOf(score, bm, 3.7)).toBe(expected);
	});

	it('has no colour without a score', () => {
		expect(statusOf(null, 3, 3.7)).toBeNull();
	});

	it('takes the high value from the model', () => {
		expect(statusOf(3.9, 4.5, 4)).toBe('red');
		expect(statusOf(4.01, 4.5, 4)).toBe('green');
	});
});

describe('shownDifference', () => {
	it('subtracts the figures as shown', () => {
		expect(shownDifference(3.456, 3.444)).toBe(0.02); // 3.46 − 3.44
		expect(shownDifference(3.2, 3.2)).toBe(0);
		expect(shownDifference(null, 3)).toBeNull();
		expect(shownDifference(3, null)).toBeNull();
	});
});

describe('statusWord', () => {
	it('says "in line with the benchmark" for red or yellow when the interval holds the benchmark; green, neutral and hidden keep theirs', () => {
		expect(statusWord('red', true)).toBe('inLine');
		expect(statusWord('yellow', true)).toBe('inLine');
		expect(statusWord('green', true)).toBe('green');
		expect(statusWord('neutral', true)).toBe('neutral');
		expect(statusWord(null, true)).toBeNull();
		expect(statusWord('red', false)).toBe('red');
		expect(statusWord('yellow')).toBe('yellow');
	});
});
