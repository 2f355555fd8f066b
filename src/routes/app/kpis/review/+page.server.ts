import type { Actions, PageServerLoad } from './$types';
import { requireMemberPage } from '$lib/server/http/guards';
import { forPage } from '$lib/server/http/pages';
import { attempt, formValues } from '$lib/server/http/forms';
import { reviewMeeting } from '$lib/server/kpis/review-meeting';
import { alarmAreas } from '$lib/server/kpis/alarm-areas';
import { closeReviewOf, decideAtReview } from '$lib/server/kpis/review';
import { boardMonths } from '$lib/kpis/month';

/** The monthly review of ?unit= (default: where the caller starts) for ?month= (default: the last closed month). */
export const load: PageServerLoad = async (event) => {
	const { actor } = requireMemberPage(event);
	const q = event.url.searchParams;
	const meeting = await forPage(() => reviewMeeting({ actor, unitId: q.get('unit'), month: q.get('month') }));
	const areas = await forPage(() => alarmAreas({ actor, unitId: meeting.unitId, locale: event.locals.locale }));
	return { ...meeting, areas, months: boardMonths(new Date(), meeting.board.zone, meeting.board.month) };
};

/** The meeting a form posts to: its unit and month travel as hidden fields (a form's ?/action drops the page's query). */
const where = (v: Record<string, string>) => ({ unitId: v.unit || 'organization', month: v.month ?? '' });

export const actions: Actions = {
	decide: async (event) => {
		const { actor } = requireMemberPage(event);
		const data = await event.request.formData();
		const v = formValues(data);
		return attempt(data, async () => {
			await decideAtReview({
				actor,
				...where(v),
				input: {
					kpi: v.kpi,
					alarmMonth: v.alarmMonth,
					correction: v.correction,
					title: v.title,
					ownerId: v.ownerId || null,
					expectedEffect: v.expectedEffect ?? '',
					checkOn: v.checkOn,
					passedDown: v.passedDown ?? '',
					asAction: v.asAction === 'on'
				}
			});
			return { recorded: true };
		});
	},
	close: async (event) => {
		const { actor } = requireMemberPage(event);
		const data = await event.request.formData();
		return attempt(data, async () => {
			const v = formValues(data);
			await closeReviewOf({ actor, ...where(v), input: { minutes: v.minutes ?? '' } });
			return { closed: true };
		});
	}
};
