import type { RequestHandler } from './$types';
import { requireMemberPage } from '$lib/server/http/guards';
import { forPage } from '$lib/server/http/pages';
import { attachment, boardExport } from '$lib/server/kpis/board-export';

/** The alarm board of ?unit= and ?month= as ?format=xlsx (default) or csv, in the reader's language. */
export const GET: RequestHandler = async (event) => {
	const { actor } = requireMemberPage(event);
	const q = event.url.searchParams;
	const file = await forPage(() => boardExport({ actor, unitId: q.get('unit'), month: q.get('month'), format: q.get('format'), locale: event.locals.locale }));
	return attachment(file);
};
