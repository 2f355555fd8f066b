import type { RequestHandler } from './$types';
import { reply } from '$lib/server/http/reply';
import { exportOutput } from '$lib/server/exports/output';
import { api } from '$lib/server/http/api';
import { getExport } from '$lib/server/exports/read';

/** An export's status and progress (only for the member who asked for it). */
export const GET: RequestHandler = api(async (event, actor) => reply(exportOutput, await getExport({ actor, exportId: event.params.id })));
