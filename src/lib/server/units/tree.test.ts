import { describe, expect, it } from 'vitest';
import { flattenTree, levelName, subtreeIds } from './tree';

const units = [
	{ id: 'b', parentId: null, name: 'North' },
	{ id: 'a', parentId: null, name: 'Else' },
	{ id: 'c', parentId: 'b', name: 'Team 2' },
	{ id: 'd', parentId: 'b', name: 'Team 1' },
	{ id: 'e', parentId: 'd', name: 'Pod' }
];

describe('flattenTree', () => {
	it('orders depth-first with names sorted and paths', () => {
		const rows = flattenTree(units);
		expect(rows.map((r) => r.unit.id)).toEqual(['a', 'b', 'd', 'e', 'c']);
		expect(rows.find((r) => r.unit.id === 'e')).toMatchObject({ depth: 2, path: ['North', 'Team 1', 'Pod'] });
	});
	it('treats a unit whose parent is missing as a root', () => {
		expect(flattenTree([{ id: 'x', parentId: 'gone', name: 'X' }])[0].depth).toBe(0);
	});
});

describe('subtreeIds', () => {
	it('includes the root and all descendants only', () => {
		expect([...subtreeIds(units, 'b')].sort()).toEqual(['b', 'c', 'd', 'e']);
		expect([...subtreeIds(units, 'e')]).toEqual(['e']);
	});
});

describe('levelName', () => {
	it('names levels beyond the configured ones', () => {
		expect(levelName(['Region'], 0)).toBe('Region');
		expect(levelName(['Region'], 2)).toBe('Level 3');
	});
});
