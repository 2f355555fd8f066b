import type { Actions, PageServerLoad } from './$types';
import { requireMemberPage } from '$lib/server/http/guards';
import { forPage } from '$lib/server/http/pages';
import { emailWhenReady } from '$lib/server/exports/request';
import { getExport } from '$lib/server/exports/read';

/** One export being made: its progress, then its download. */
export const load: PageServerLoad = async (event) => {
	const { actor } = requireMemberPage(event);
	const e = await forPage(() => getExport({ actor, exportId: event.params.id }));
	return { export: e };
};

export const actions: Actions = {
	email: async (event) => {
		const { actor } = requireMemberPage(event);
		await forPage(() => emailWhenReady({ actor, exportId: event.params.id }));
		return { done: 'email' as const };
	}
};
