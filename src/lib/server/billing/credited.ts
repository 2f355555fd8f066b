import { sql } from 'kysely';

/**
 * The invoice aliased `i` in the query still stands: no credit note of its organization cancels it. One
 * definition for every question about what is owed or billed (the lapse, billed seats, open amounts).
 */
export const notCredited = sql<boolean>`NOT EXISTS (SELECT 1 FROM invoices c WHERE c.organization_id = i.organization_id AND c.credits_id = i.id)`;
