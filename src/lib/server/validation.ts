import { z } from 'zod';
import { ValidationError } from './errors';

// Line breaks and other control characters (NUL would even make PostgreSQL fail), as the import refuses them too.
// eslint-disable-next-line no-control-regex
export const NO_CONTROL = /^[^\u0000-\u001f\u007f-\u009f\u2028\u2029]*$/;
export const noControl = 'Must not contain line breaks or other control characters';

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
	jobRole: z.enum(['sales_person', 'sales_manager'], { message: 'Must be sales_person or sales_manager' }),
	access: z.enum(['participant', 'viewer', 'admin'], { message: 'Must be participant, viewer or admin' }),
	uuid: z.uuid({ message: 'Not a valid id' }),
	password: z.string().min(10, 'At least 10 characters').max(200, 'At most 200 characters')
};

/** Parses input with a strict schema and turns zod issues into a ValidationError. */
export function parse<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
	const result = schema.safeParse(input);
	if (result.success) return result.data;
	const details = result.error.issues.map((i) => ({
		path: i.path.join('.') || '(body)',
		message: i.code === 'unrecognized_keys' ? `Unknown field(s): ${i.keys.join(', ')}` : i.message
	}));
	throw new ValidationError(
		details.map((d) => (d.path === '(body)' ? d.message : `${d.path}: ${d.message}`)).join('; '),
		details
	);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Ids from URLs are checked before they reach SQL: a malformed id is simply "not found". */
export function isUuid(value: unknown): value is string {
	return typeof value === 'string' && UUID.test(value);
}
