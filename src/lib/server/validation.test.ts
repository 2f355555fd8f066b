import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ValidationError } from './errors';
import { findBadText, nestingDepth, parse } from './validation';

describe('text that cannot be stored', () => {
	it('finds lone surrogates and NUL in values and keys, and names where', () => {
		expect(findBadText({ name: 'ok', list: ['fine', { deep: 'a\ud800' }] })).toEqual({ path: 'list.1.deep', message: expect.stringMatching(/lone surrogate/) });
		expect(findBadText({ 'k\u0000': 1 })?.path).toBe('k\u0000');
		expect(findBadText('\udfff')?.path).toBe('(body)');
		expect(findBadText({ a: 'nul\u0000' })?.message).toMatch(/NUL/);
		// Pairs, emoji, right-to-left marks and other odd but valid text pass.
		expect(findBadText({ a: '😀 \u202Eabc \u200f', b: ['e\u0301', 1, null, true] })).toBeNull();
	});

	it('parse refuses them with a 400 naming the field, whatever the schema', () => {
		const schema = z.strictObject({ name: z.string(), note: z.string() });
		expect(() => parse(schema, { name: 'x', note: 'bad \ud83d' })).toThrowError(ValidationError);
		expect(() => parse(schema, { name: 'x', note: 'bad \ud83d' })).toThrowError(/^note: /);
	});

	it('measures nesting without recursion', () => {
		let deep: unknown = 1;
		for (let i = 0; i < 100_000; i++) deep = [deep];
		expect(nestingDepth(deep)).toBe(100_000);
		expect(nestingDepth({ a: [1, { b: 2 }] })).toBe(3);
	});
});
