import type { RequestHandler } from './$types';
import { error } from '@sveltejs/kit';
import { requireOperatorPage } from '$lib/server/http/guards';
import { forPage } from '$lib/server/http/pages';
import { downloadResponse } from '$lib/server/http/download';
import { invoiceDownload } from '$lib/server/billing/downloads';
import { isUuid } from '$lib/server/validation';

/** The operator downloads any organization's invoice or credit note as a PDF. */
export const GET: RequestHandler = async (event) => {
	requireOperatorPage(event);
	if (!isUuid(event.params.org)) error(404, 'The invoice was not found.');
	return downloadResponse(await forPage(() => invoiceDownload({ organizationId: event.params.org, invoiceId: event.params.id, format: 'pdf' })));
};
