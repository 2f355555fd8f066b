import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyOfModels, writeNextVersion } from '$tests/models';
import { continuity, continuityBetween, newestVersion } from './continuity';
import { loadModel } from './load';
import type { ModelStructure } from './schema';

const structure = (version: string, areas: Record<string, string[]>, continues?: ModelStructure['continues']): ModelStructure => ({
	id: 'x',
	version,
	groups: ['a', 'b'],
	thresholds: { high: 3.7 },
	scale: { min: 1, max: 5, dontKnow: true },
	areas: Object.entries(areas).map(([key, statements]) => ({ key, statements })),
	...(continues ? { continues } : {})
});

describe('continuityBetween (pure)', () => {
	// 1.0 → 1.1: area b changed; a2 renamed a2x; 1.1 → 1.2: area c changed, a1 rewritten (not mapped), a2x renamed a2y.
	const v10 = structure('1.0', { a: ['a1', 'a2', 'a3'], b: ['b1', 'b2'], c: ['c1'] });
	const v11 = structure('1.1', { a: ['a1', 'a2x', 'a3'], b: ['b1', 'b3'], c: ['c1'] }, { version: '1.0', areas: ['a', 'c'], statements: { a1: 'a1', a2x: 'a2', a3: 'a3', b1: 'b1', c1: 'c1' } });
	const v12 = structure('1.2', { a: ['a1n', 'a2y', 'a3'], b: ['b1', 'b3'], c: ['c1', 'c2'] }, { version: '1.1', areas: ['a', 'b'], statements: { a2y: 'a2x', a3: 'a3', b1: 'b1', b3: 'b3', c1: 'c1' } });
	const all = new Map([v10, v11, v12].map((s) => [s.version, s]));
	const of = (v: string) => all.get(v);

	it('compares a version fully with itself', () => {
		const c = continuityBetween(of, '1.1', '1.1');
		expect([...c.areas]).toEqual(['a', 'b', 'c']);
		expect(c.statements.get('a2x')).toBe('a2x');
		expect(c.statements.size).toBe(6);
	});

	it('takes one link as the model says: the listed areas, the mapped statements', () => {
		const c = continuityBetween(of, '1.0', '1.1');
		expect([...c.areas].sort()).toEqual(['a', 'c']);
		expect(Object.fromEntries(c.statements)).toEqual({ a1: 'a1', a2x: 'a2', a3: 'a3', b1: 'b1', c1: 'c1' });
	});

	it('follows a chain only where every link says so', () => {
		const c = continuityBetween(of, '1.0', '1.2');
		// a compares on both links; b changed in 1.1, c in 1.2.
		expect([...c.areas]).toEqual(['a']);
		// a2y → a2x → a2 and a3 → a3 → a3 carry through; a1n is new, b3 is new in 1.1, c2 new in 1.2.
		expect(Object.fromEntries(c.statements)).toEqual({ a2y: 'a2', a3: 'a3', b1: 'b1', c1: 'c1' });
		expect(c.statements.has('a1n')).toBe(false);
		expect(c.statements.has('b3')).toBe(false);
	});

	it('compares nothing without a chain to the earlier version, or backwards', () => {
		const lone = structure('2.0', { a: ['a1'] });
		expect(continuityBetween((v) => (v === '2.0' ? lone : of(v)), '1.0', '2.0').areas.size).toBe(0);
		expect(continuityBetween(of, '1.2', '1.0').areas.size).toBe(0);
		// A link that skips the version asked for: 1.2 continuing 1.0 directly says nothing about 1.1.
		const skip = structure('1.2', { a: ['a1'] }, { version: '1.0', areas: ['a'], statements: { a1: 'a1' } });
		expect(continuityBetween((v) => (v === '1.2' ? skip : of(v)), '1.1', '1.2').areas.size).toBe(0);
	});

	it('orders versions numerically', () => {
		expect(newestVersion(['1.9', '1.10', '1.2'])).toBe('1.10');
		expect(newestVersion([])).toBeNull();
	});
});

describe('continuity of model files', () => {
	let dir: string;
	const before = process.env.SOS_MODELS_DIR;
	beforeAll(async () => {
		dir = await copyOfModels();
		await writeNextVersion(dir, {
			version: '1.1',
			from: '1.0',
			renamed: { territory_2: 'territory_2b' },
			rewritten: { targets_4: 'targets_4b' },
			added: { forecasting: ['forecasting_accuracy'] },
			changedAreas: ['forecasting']
		});
		await writeNextVersion(dir, { version: '1.2', from: '1.1', renamed: { territory_2b: 'territory_2c' }, changedAreas: ['visualizing'] });
		process.env.SOS_MODELS_DIR = dir;
	});
	afterAll(async () => {
		if (before === undefined) delete process.env.SOS_MODELS_DIR;
		else process.env.SOS_MODELS_DIR = before;
		await rm(dir, { recursive: true, force: true });
	});

	it('loads a continuing version (checked at load) and follows it back through the registry', async () => {
		await expect(loadModel({ id: 'sos', version: '1.2', dir })).resolves.toBeTruthy();
		const one = await continuity({ id: 'sos', from: '1.0', to: '1.1' });
		expect(one.areas.has('forecasting')).toBe(false);
		expect(one.areas.has('territory')).toBe(true);
		expect(one.areas.size).toBe(8);
		expect(one.statements.get('territory_2b')).toBe('territory_2');
		expect(one.statements.has('targets_4b')).toBe(false);
		expect(one.statements.has('forecasting_accuracy')).toBe(false);
		// Statements of a changed area may still map where their meaning is unchanged.
		expect(one.statements.get('forecasting_1')).toBe('forecasting_1');

		const two = await continuity({ id: 'sos', from: '1.0', to: '1.2' });
		expect([...two.areas].sort()).toEqual([...one.areas].filter((a) => a !== 'visualizing').sort());
		expect(two.statements.get('territory_2c')).toBe('territory_2');
		expect(two.statements.has('targets_4b')).toBe(false);
	});
});
