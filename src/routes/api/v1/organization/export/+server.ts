import type { RequestHandler } from './$types';
import { api } from '$lib/server/http/api';
import { requireAdmin } from '$lib/server/auth/policies';
import { exportOrganizationData } from '$lib/server/orgs/data-export';
import { fileResponse } from '$lib/server/exports/download';

export const GET: RequestHandler = api(async (_event, actor) => {
	requireAdmin(actor);
	const { body, filename } = await exportOrganizationData({ actor });
	return fileResponse({ body, filename, type: 'application/zip' });
});
