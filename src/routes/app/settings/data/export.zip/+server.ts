import type { RequestHandler } from './$types';
import { requireAdminPage } from '$lib/server/http/guards';
import { exportOrganizationData } from '$lib/server/orgs/data-export';
import { fileResponse } from '$lib/server/exports/download';

/** Everything SOS holds about the organization, as a zip (docs/data-rights.md). */
export const GET: RequestHandler = async (event) => {
	const { actor } = requireAdminPage(event);
	const { body, filename } = await exportOrganizationData({ actor });
	return fileResponse({ body, filename, type: 'application/zip' });
};
