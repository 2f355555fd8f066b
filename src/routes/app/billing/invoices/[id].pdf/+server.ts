import type { RequestHandler } from './$types';
import { requireAdminPage } from '$lib/server/http/guards';
import { forPage } from '$lib/server/http/pages';
import { downloadResponse } from '$lib/server/http/download';
import { invoiceDownload } from '$lib/server/billing/downloads';

/** The admin downloads one of the organization's invoices or credit notes (PDF). */
export const GET: RequestHandler = async (event) => {
	const { organizationId } = requireAdminPage(event);
	return downloadResponse(await forPage(() => invoiceDownload({ organizationId, invoiceId: event.params.id, format: 'pdf' })));
};
