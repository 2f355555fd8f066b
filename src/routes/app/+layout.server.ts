import type { LayoutServerLoad } from './$types';
import { requireMemberPage } from '$lib/server/http/guards';
import { billingBanner } from '$lib/server/billing/banner';

export const load: LayoutServerLoad = async (event) => {
	const { organizationId, membership } = requireMemberPage(event);
	// Admins are told on every page when billing needs them (lapsed, trial ending, invoice overdue).
	return { billingBanner: membership.access === 'admin' ? await billingBanner(organizationId) : null };
};
