import type { RequestHandler } from './$types';
import { api } from '$lib/server/http/api';
import { attachment, boardExport } from '$lib/server/kpis/board-export';

/** The alarm board of ?unit= for ?month= (defaults as the board's) as a file: ?format=xlsx (default) or csv. */
export const GET: RequestHandler = api(async (event, actor) => {
	const q = event.url.searchParams;
	return attachment(await boardExport({ actor, unitId: q.get('unit'), month: q.get('month'), format: q.get('format'), locale: 'en' }));
});
