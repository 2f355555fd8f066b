import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { areaOrder } from './rotation';

describe('areaOrder', () => {
	it('is every area once, in the model order rotated', () => {
		for (let n = 1; n <= 12; n++) {
			const order = areaOrder(randomUUID(), n);
			expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
			for (let i = 1; i < n; i++) expect(order[i]).toBe((order[i - 1] + 1) % n);
		}
		expect(areaOrder('x', 0)).toEqual([]);
	});

	it('is the same for the same invitation, every time', () => {
		const id = randomUUID();
		expect(areaOrder(id, 9)).toEqual(areaOrder(id, 9));
	});

	it('starts different invitations at different areas: every area is first for some, none for most', () => {
		expect(areaOrder('3f6c1b52-2a7e-4f0e-9d7c-2d1b1c0a9e11', 9)[0]).not.toBe(areaOrder('8a0d6e4f-5b3c-4e2a-8f1d-7c6b5a4e3d22', 9)[0]);
		const starts = Array(9).fill(0);
		for (let i = 0; i < 900; i++) starts[areaOrder(randomUUID(), 9)[0]]++;
		// 100 expected per area; a fair spread keeps each well within 50…150.
		for (const n of starts) expect(n).toBeGreaterThan(50);
		for (const n of starts) expect(n).toBeLessThan(150);
	});
});
