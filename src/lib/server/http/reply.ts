import { json } from '@sveltejs/kit';
import type { z } from 'zod';

/** A value as a handler may hold it before JSON: dates where the wire has ISO strings, readonly arrays. */
export type Replyable<T> = T extends string
	? string | Date
	: T extends readonly (infer U)[]
		? readonly Replyable<U>[]
		: T extends object
			? { [K in keyof T]: Replyable<T[K]> }
			: T;

/** The answer's value broke its output schema: a bug, never sent (a 500). Only the paths are named, never the values. */
export class OutputSchemaError extends Error {
	constructor(readonly issues: z.core.$ZodIssue[]) {
		super(`The response does not match its output schema: ${issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.code}`).join('; ')}`);
		this.name = 'OutputSchemaError';
	}
}

/**
 * Every JSON answer of the API goes through here: the value is put on the wire (dates become ISO strings)
 * and parsed by the zod output schema that also writes the OpenAPI document. The schemas are strict, so a
 * field the schema does not name (one that could break anonymity, say) throws instead of leaking.
 */
export function reply<S extends z.ZodType>(schema: S, value: Replyable<z.output<S>>, init?: ResponseInit): Response {
	const result = schema.safeParse(JSON.parse(JSON.stringify(value)));
	if (!result.success) throw new OutputSchemaError(result.error.issues);
	return json(result.data, init);
}
