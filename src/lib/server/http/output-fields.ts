import { z } from 'zod';

/** Building blocks of the API's output schemas (the wire format: what JSON.stringify makes of a value). */
export const id = z.guid();
/** A point in time, ISO 8601 in UTC, as JSON.stringify writes a Date. */
export const timestamp = z.iso.datetime();
/** A calendar day, YYYY-MM-DD. */
export const day = z.iso.date();
export const int = z.int();
export const named = z.strictObject({ id: z.string(), name: z.string() });
