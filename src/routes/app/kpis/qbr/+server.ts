import type { RequestHandler } from './$types';
import { requireMemberPage } from '$lib/server/http/guards';
import { forPage } from '$lib/server/http/pages';
import { exportQuarterlyReview } from '$lib/server/kpis/qbr';
import { renderQbr } from '$lib/server/kpis/qbr-pdf';
import { exportFilename } from '$lib/server/exports/filename';

/** The quarterly business review pack of ?unit= (default: where the caller starts) for ?quarter= (e.g. 2026-Q3) as a PDF download. */
export const GET: RequestHandler = async (event) => {
	const { actor, membership } = requireMemberPage(event);
	const q = event.url.searchParams;
	const locale = event.locals.locale;
	const pack = await forPage(() => exportQuarterlyReview({ actor, unitId: q.get('unit'), quarter: q.get('quarter'), locale }));
	const pdf = await renderQbr(pack, { locale, generatedAt: new Date(), demo: membership.isDemo });
	const name = exportFilename({
		organization: membership.organizationName,
		unit: pack.unit.name,
		isOrganization: pack.unit.id === null,
		round: `qbr ${pack.quarter.key}`,
		extension: 'pdf'
	});
	return new Response(new Uint8Array(pdf), {
		headers: { 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="${name}"`, 'cache-control': 'private, no-store' }
	});
};
