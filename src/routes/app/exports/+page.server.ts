import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireMemberPage } from '$lib/server/http/guards';
import { attempt, str } from '$lib/server/http/forms';
import { requestExport } from '$lib/server/exports/request';
import { listExports } from '$lib/server/exports/read';
import { startExport } from '$lib/server/exports/background';
import { ZONE_COOKIE, pickZone } from '$lib/time/zone';

/** The signed-in member's exports of the last seven days. */
export const load: PageServerLoad = async (event) => {
	const { actor } = requireMemberPage(event);
	const exports = await listExports({ actor });
	return { exports, timeZone: pickZone(event.cookies.get(ZONE_COOKIE), null) };
};

export const actions: Actions = {
	/** From a report page: make this report as PDF, deck, workbook or CSV (long or wide), then follow its progress. */
	default: async (event) => {
		const { actor } = requireMemberPage(event);
		const data = await event.request.formData();
		// The report page's "CSV (wide)" button: a CSV in wide layout.
		const [format, layout] = str(data.get('format')) === 'csv-wide' ? ['csv', 'wide'] : [str(data.get('format')), undefined];
		const made = await attempt(data, () =>
			requestExport({
				actor,
				input: {
					format,
					layout,
					roundId: str(data.get('roundId')),
					unitId: str(data.get('unitId')),
					compare: str(data.get('compare')) || undefined,
					statistic: str(data.get('statistic')) || undefined,
					lang: event.locals.locale
				}
			})
		);
		if (!('id' in made)) return made;
		startExport(made.id);
		redirect(303, `/app/exports/${made.id}`);
	}
};
