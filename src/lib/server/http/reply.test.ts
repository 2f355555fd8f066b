import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { OutputSchemaError, reply } from './reply';
import { unitOutput } from '$lib/server/units/output';

const unit = {
	id: '6f1c1c8e-2f51-4d43-9a51-2d3f1c1c8e2f',
	parentId: null,
	name: 'North',
	userCount: 3,
	childCount: 0,
	createdAt: new Date('2026-01-02T03:04:05Z'),
	attributes: {}
};

describe('reply', () => {
	it('answers JSON as the output schema describes it, dates as ISO strings', async () => {
		const res = reply(unitOutput, unit, { status: 201 });
		expect(res.status).toBe(201);
		expect(res.headers.get('content-type')).toBe('application/json');
		expect(await res.json()).toEqual({ ...unit, createdAt: '2026-01-02T03:04:05.000Z' });
	});

	it('throws rather than send a field the schema does not name, naming the path but not the value', () => {
		const leaky = { ...unit, respondentEmail: 'someone@example.test' };
		expect(() => reply(unitOutput, leaky)).toThrow(OutputSchemaError);
		expect(() => reply(unitOutput, leaky)).toThrow(/unrecognized_keys/);
		expect(() => reply(unitOutput, leaky)).not.toThrow(/someone@example/);
	});

	it('throws on a missing field, a wrong type or a null where none is allowed', () => {
		const { name: _, ...nameless } = unit;
		expect(() => reply(unitOutput, nameless as typeof unit)).toThrow(/name: invalid_type/);
		expect(() => reply(unitOutput, { ...unit, userCount: 1.5 })).toThrow(/userCount/);
		expect(() => reply(z.strictObject({ n: z.number() }), { n: null as unknown as number })).toThrow(/n: invalid_type/);
	});
});
