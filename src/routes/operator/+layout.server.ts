import type { LayoutServerLoad } from './$types';
import { requireOperatorPage } from '$lib/server/http/guards';

export const load: LayoutServerLoad = async (event) => {
	requireOperatorPage(event);
	return {};
};
