import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { api } from '$lib/server/http/api';
import { listResultRounds } from '$lib/server/results/list';

/** The published rounds the caller may read, each with the unit the caller starts at. */
export const GET: RequestHandler = api(async (_event, actor) => json({ rounds: await listResultRounds({ actor }) }));
