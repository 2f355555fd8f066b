import { z } from 'zod';

/** The answer to a survey submitted through the API. */
export const surveySubmittedOutput = z.strictObject({ submitted: z.boolean(), alreadySubmitted: z.boolean() });
