import { z } from 'zod';

/** Every refusal of the API: a stable code, a message for people, and for invalid input the fields at fault. */
export const errorOutput = z.strictObject({
	error: z.strictObject({
		code: z.string(),
		message: z.string(),
		details: z.array(z.strictObject({ path: z.string(), message: z.string() })).optional()
	})
});
