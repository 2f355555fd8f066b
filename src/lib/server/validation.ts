import { z } from 'zod';
import { ValidationError } from './errors';

// Line breaks and other control characters (NUL would even make PostgreSQL fail), as the import refuses them too.

export const NO_CONTROL = /^[^\u0000-\u001f\u007f-\u009f\u2028\u2029]*$/;
export const noControl = 'Must not contain line breaks or other control characters';
/** A respondent group's key, the form a job role is stored in (models/schema.ts's keys; migration 025). */
export const GROUP_KEY = /^[a-z][a-z0-9_]{0,59}$/;

/** Shared field rules, so every form and endpoint enforces the same limits. */
export const fields = {
	name: z.string().trim().min(1, 'Required').max(120, 'At most 120 characters').regex(NO_CONTROL, noControl),
	/** Free text for searching: any single line. */
	text: z.string().regex(NO_CONTROL, noControl),
	email: z
		.string()
		.trim()
		.toLowerCase()
		.max(254, 'At most 254 characters')
		.pipe(z.email({ message: 'Not a valid email address' })),
	language: z.enum(['en', 'sv'], { message: 'Must be en or sv' }),
	/** A group key's format; which groups are known is checked by the use case (users/job-role.ts). */
	jobRole: z.string().trim().regex(GROUP_KEY, 'Must be a respondent group such as sales_person or sales_manager'),
	access: z.enum(['participant', 'viewer', 'admin'], { message: 'Must be participant, viewer or admin' }),
	uuid: z.uuid({ message: 'Not a valid id' }),
	password: z.string().min(10, 'At least 10 characters').max(200, 'At most 200 characters')
};

/**
 * Text PostgreSQL cannot store or that is not Unicode: a lone surrogate (JSON's "\ud800"; jsonb refuses
 * it, a text column would silently get U+FFFD) or NUL. Refused, never repaired, wherever text comes in.
 */
export function textProblem(text: string): string | null {
	if (!text.isWellFormed()) return 'Must be valid Unicode text (it contains a lone surrogate)';
	if (text.includes('\u0000')) return 'Must not contain NUL characters';
	return null;
}

/** The first string or key in a value (JSON body, parsed form) with a textProblem, and where it is. */
export function findBadText(value: unknown): { path: string; message: string } | null {
	const stack: [unknown, string][] = [[value, '']];
	while (stack.length) {
		const [v, path] = stack.pop()!;
		if (typeof v === 'string') {
			const message = textProblem(v);
			if (message) return { path: path || '(body)', message };
		} else if (v !== null && typeof v === 'object') {
			const entries = Array.isArray(v) ? v.map((x, i) => [String(i), x] as const) : Object.entries(v);
			for (let i = entries.length - 1; i >= 0; i--) {
				const [key, x] = entries[i];
				const at = path ? `${path}.${key}` : key;
				const message = textProblem(key);
				if (message) return { path: at.slice(0, 200), message: `The field name ${message.toLowerCase()}` };
				stack.push([x, at]);
			}
		}
	}
	return null;
}

/** Throws a ValidationError naming the field when a value holds text that cannot be stored (see textProblem). */
export function assertText(value: unknown): void {
	const bad = findBadText(value);
	if (bad) throw new ValidationError(`${bad.path}: ${bad.message}`, [bad]);
}

/** How deeply arrays and objects nest in a value (counted without recursion, so any depth is safe). */
export function nestingDepth(value: unknown): number {
	let max = 0;
	const stack: [unknown, number][] = [[value, 0]];
	while (stack.length) {
		const [v, d] = stack.pop()!;
		if (v === null || typeof v !== 'object') continue;
		max = Math.max(max, d + 1);
		for (const x of Object.values(v)) stack.push([x, d + 1]);
	}
	return max;
}

/** Parses input with a strict schema and turns zod issues into a ValidationError. */
export function parse<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
	assertText(input);
	const result = schema.safeParse(input);
	if (result.success) return result.data;
	const details = result.error.issues.map((i) => ({
		path: i.path.join('.') || '(body)',
		message: i.code === 'unrecognized_keys' ? `Unknown field(s): ${i.keys.join(', ')}` : i.message
	}));
	throw new ValidationError(details.map((d) => (d.path === '(body)' ? d.message : `${d.path}: ${d.message}`)).join('; '), details);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Ids from URLs are checked before they reach SQL: a malformed id is simply "not found". */
export function isUuid(value: unknown): value is string {
	return typeof value === 'string' && UUID.test(value);
}
