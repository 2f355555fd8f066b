import { describe, expect, it } from 'vitest';
import { lowest, rankAreas, strengthsAndImprovements } from './ranking';

const areas = (...scores: (number | null)[]) => scores.map((score, i) => ({ key: `a${i}`, score }));

describe('rankAreas', () => {
	it('ranks by the score as shown, equal scores sharing a rank, unscored areas unranked', () => {
		const ranked = rankAreas(areas(3.1, 4.2, null, 3.104, 2.5));
		expect(ranked.map((a) => a.rank)).toEqual([2, 1, null, 2, 4]);
	});
});

describe('strengthsAndImprovements', () => {
	it('takes the top three and the bottom three of nine, lowest improvement first', () => {
		const { strengths, improvements } = strengthsAndImprovements(areas(3, 4, 2, 3.5, 1.5, 4.5, 2.5, 3.2, 3.8));
		expect(strengths.map((a) => a.key)).toEqual(['a5', 'a1', 'a8']);
		expect(improvements.map((a) => a.key)).toEqual(['a4', 'a2', 'a6']);
	});

	it('never lists an area twice when few areas have scores', () => {
		const { strengths, improvements } = strengthsAndImprovements(areas(3, null, 4, null, 2));
		expect(strengths.map((a) => a.key)).toEqual(['a2']);
		expect(improvements.map((a) => a.key)).toEqual(['a4']);
		expect(strengthsAndImprovements(areas(3)).strengths).toEqual([]);
	});
});

describe('lowest', () => {
	it('returns the lowest scored items first', () => {
		expect(lowest(areas(3, 1, null, 2)).map((a) => a.key)).toEqual(['a1', 'a3']);
	});
});
