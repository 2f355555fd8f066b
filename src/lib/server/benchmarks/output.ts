import { z } from 'zod';
import { id, int, timestamp } from '$lib/server/http/output-fields';

export const benchmarkVersionListOutput = z.strictObject({
	versions: z.array(
		z.strictObject({
			id,
			modelId: z.string(),
			modelVersion: z.string(),
			source: z.enum(['sos', 'import']),
			label: z.string(),
			builtAt: timestamp,
			organizations: int,
			respondents: int,
			/** Earlier model versions whose rounds count for the figures that compare. */
			carriedVersions: z.array(z.string())
		})
	)
});
