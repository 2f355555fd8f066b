import type { RequestHandler } from './$types';
import { reply } from '$lib/server/http/reply';
import { exportListOutput, exportOutput } from '$lib/server/exports/output';
import { api, readJson } from '$lib/server/http/api';
import { requestExport } from '$lib/server/exports/request';
import { listExports } from '$lib/server/exports/read';
import { startExport } from '$lib/server/exports/background';

/** The caller's exports of the last seven days. */
export const GET: RequestHandler = api(async (_event, actor) => reply(exportListOutput, { exports: await listExports({ actor }) }));

/** Asks for a report export (pdf, pptx, xlsx, csv); 202 with its id: poll it, then fetch its file. */
export const POST: RequestHandler = api(async (event, actor) => {
	const e = await requestExport({ actor, input: await readJson(event) });
	startExport(e.id);
	return reply(exportOutput, e, { status: 202, headers: { location: `/api/v1/exports/${e.id}` } });
});
