import type { RequestHandler } from './$types';
import { reply } from '$lib/server/http/reply';
import { resultRoundListOutput } from '$lib/server/results/output';
import { api } from '$lib/server/http/api';
import { listResultRounds } from '$lib/server/results/list';

/** The published rounds the caller may read, each with the unit the caller starts at. */
export const GET: RequestHandler = api(async (_event, actor) => reply(resultRoundListOutput, { rounds: await listResultRounds({ actor }) }));
