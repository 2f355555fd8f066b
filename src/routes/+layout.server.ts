import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals }) => {
	const a = locals.actor;
	return {
		locale: locals.locale,
		me: a
			? {
					email: a.email,
					name: a.membership?.name ?? a.email,
					isOperator: a.isOperator,
					access: a.membership?.access ?? null,
					organizationName: a.membership?.organizationName ?? null,
					isDemo: a.membership?.isDemo ?? false
				}
			: null
	};
};
