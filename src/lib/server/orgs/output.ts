import { z } from 'zod';
import { int } from '$lib/server/http/output-fields';

/** What an erasure answers: the pseudonym that now stands for the person in the audit log. */
export const erasureOutput = z.strictObject({ pseudonym: z.string().describe('Stands for the person in the audit log from now on.') });

/** How long the organization's audit log and invitation addresses are kept, in months. */
export const retentionOutput = z.strictObject({ auditMonths: int, invitationMonths: int });
