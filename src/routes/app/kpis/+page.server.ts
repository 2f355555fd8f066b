import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireAdminPage, requireMemberPage } from '$lib/server/http/guards';
import { forPage } from '$lib/server/http/pages';
import { attempt } from '$lib/server/http/forms';
import { kpiBoard } from '$lib/server/kpis/board';
import { installStarterKpis } from '$lib/server/kpis/definitions';
import { boardMonths } from '$lib/kpis/month';

export const load: PageServerLoad = async (event) => {
	const { actor, membership } = requireMemberPage(event);
	const unit = event.url.searchParams.get('unit');
	const board = await forPage(() => kpiBoard({ actor, unitId: unit, month: event.url.searchParams.get('month') }));
	return {
		board,
		months: boardMonths(new Date(), board.zone, board.month),
		admin: membership.access === 'admin',
		selfId: membership.userId,
		// A sales person sees their own figures; the review is the managers' meeting.
		selfOnly: membership.access === 'participant' || (membership.access === 'viewer' && !membership.scopeUnitId)
	};
};

export const actions: Actions = {
	start: async (event) => {
		const { actor, organizationId } = requireAdminPage(event);
		const result = await attempt(await event.request.formData(), () => installStarterKpis({ organizationId, actor }));
		if (!Array.isArray(result)) return result;
		redirect(303, '/app/kpis');
	}
};
