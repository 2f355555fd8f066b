import type { RequestHandler } from './$types';
import { requireMemberPage } from '$lib/server/http/guards';
import { forPage } from '$lib/server/http/pages';
import { reviewMeeting } from '$lib/server/kpis/review-meeting';
import { renderMinutes } from '$lib/server/kpis/minutes-pdf';
import { exportFilename } from '$lib/server/exports/filename';

/** The minutes of the review of ?unit= and ?month= as a PDF. */
export const GET: RequestHandler = async (event) => {
	const { actor, membership } = requireMemberPage(event);
	const q = event.url.searchParams;
	const meeting = await forPage(() => reviewMeeting({ actor, unitId: q.get('unit'), month: q.get('month') }));
	const pdf = await renderMinutes(meeting, { locale: event.locals.locale, organization: membership.organizationName });
	const name = exportFilename({
		organization: membership.organizationName,
		unit: meeting.board.unit?.name ?? '',
		isOrganization: !meeting.board.unit,
		round: `review ${meeting.board.month}`,
		extension: 'pdf'
	});
	return new Response(new Uint8Array(pdf), {
		headers: { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="${name}"`, 'cache-control': 'private, no-store' }
	});
};
