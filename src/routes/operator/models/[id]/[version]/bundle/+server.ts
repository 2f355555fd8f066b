import type { RequestHandler } from './$types';
import { error } from '@sveltejs/kit';
import { requireOperatorPage } from '$lib/server/http/guards';
import { forPage } from '$lib/server/http/pages';
import { downloadBundle } from '$lib/server/models/overview';
import { MODEL_ID, MODEL_VERSION } from '$lib/server/models/schema';

/** Any version as one bundle file, ready to edit and upload as a new version. */
export const GET: RequestHandler = async (event) => {
	requireOperatorPage(event);
	const { id, version } = event.params;
	if (!MODEL_ID.test(id) || !MODEL_VERSION.test(version)) error(404, 'The model version was not found.');
	const { fileName, text } = await forPage(() => downloadBundle({ id, version }));
	return new Response(text, {
		headers: { 'content-type': 'application/json; charset=utf-8', 'content-disposition': `attachment; filename="${fileName}"`, 'cache-control': 'no-store' }
	});
};
