import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	if (!locals.actor) redirect(303, '/signin');
	if (locals.actor.membership) redirect(303, '/app');
	if (locals.actor.isOperator) redirect(303, '/operator');
	redirect(303, '/choose-organization');
};
