import type { RequestHandler } from './$types';
import { api } from '$lib/server/http/api';
import { exportFile } from '$lib/server/exports/read';
import { fileResponse } from '$lib/server/exports/download';

/** The finished file (404 until it is ready). */
export const GET: RequestHandler = api(async (event, actor) => fileResponse(await exportFile({ actor, exportId: event.params.id })));
