import type { RequestHandler } from './$types';
import { requireOperatorPage } from '$lib/server/http/guards';
import { forPage } from '$lib/server/http/pages';
import { downloadResponse } from '$lib/server/http/download';
import { accountsExport } from '$lib/server/billing/downloads';
import { dateIn } from '$lib/server/billing/dates';

/** The invoices and credit notes issued ?from= through ?to= for the accounts, as CSV. */
export const GET: RequestHandler = async (event) => {
	requireOperatorPage(event);
	const q = event.url.searchParams;
	const input = { from: q.get('from') ?? '', to: q.get('to') ?? '' };
	return downloadResponse(await forPage(() => accountsExport({ input, format: 'csv', today: dateIn(new Date()) })));
};
