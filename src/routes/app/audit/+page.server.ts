import type { PageServerLoad } from './$types';
import { requireAdminPage } from '$lib/server/http/guards';
import { listAuditEvents } from '$lib/server/audit/list';
import { isAuditAction } from '$lib/audit';

export const load: PageServerLoad = async (event) => {
	const { organizationId } = requireAdminPage(event);
	const before = event.url.searchParams.get('before');
	const action = event.url.searchParams.get('action');
	const page = await listAuditEvents({
		organizationId,
		before: before && /^\d{1,18}$/.test(before) ? before : null,
		action: isAuditAction(action) ? action : null
	});
	return { ...page, action: isAuditAction(action) ? action : '' };
};
