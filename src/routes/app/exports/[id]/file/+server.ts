import type { RequestHandler } from './$types';
import { requireMemberPage } from '$lib/server/http/guards';
import { forPage } from '$lib/server/http/pages';
import { exportFile } from '$lib/server/exports/read';
import { fileResponse } from '$lib/server/exports/download';

/** Downloads the file of one of the signed-in member's exports. */
export const GET: RequestHandler = async (event) => {
	const { actor } = requireMemberPage(event);
	return fileResponse(await forPage(() => exportFile({ actor, exportId: event.params.id })));
};
