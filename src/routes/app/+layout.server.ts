import type { LayoutServerLoad } from './$types';
import { requireMemberPage } from '$lib/server/http/guards';

export const load: LayoutServerLoad = async (event) => {
	requireMemberPage(event);
	return {};
};
