import type { PageServerLoad } from './$types';
import { requireMemberPage } from '$lib/server/http/guards';
import { forPage } from '$lib/server/http/pages';
import { practices } from '$lib/server/kpis/practices';

/** Which practices go with hitting target: ?unit= (default: where the caller starts), ?kpi=, ?round=. */
export const load: PageServerLoad = async (event) => {
	const { actor } = requireMemberPage(event);
	const q = event.url.searchParams;
	return {
		practices: await forPage(() => practices({ actor, locale: event.locals.locale, unitId: q.get('unit'), kpi: q.get('kpi'), roundId: q.get('round') }))
	};
};
