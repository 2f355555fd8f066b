import type { PageServerLoad } from './$types';
import { requireAdminPage } from '$lib/server/http/guards';
import { listAuditEvents } from '$lib/server/audit/list';

export const load: PageServerLoad = async (event) => {
	const { organizationId } = requireAdminPage(event);
	const before = event.url.searchParams.get('before');
	const action = event.url.searchParams.get('action');
	const page = await listAuditEvents({
		organizationId,
		before: before && /^\d{1,18}$/.test(before) ? before : null,
		action: action && /^[a-z_]{1,40}$/.test(action) ? action : null
	});
	return { ...page, action: action ?? '' };
};
