import type { PageServerLoad } from './$types';
import { requireOperatorPage } from '$lib/server/http/guards';
import { forPage } from '$lib/server/http/pages';
import { modelQuality, qualityModels } from '$lib/server/psychometrics/model-quality';

export const load: PageServerLoad = async (event) => {
	requireOperatorPage(event);
	const models = await qualityModels();
	const model = event.url.searchParams.get('model') ?? models[models.length - 1];
	const population = event.url.searchParams.get('population') ?? 'live';
	const report = await forPage(() => modelQuality({ model, population, locale: event.locals.locale }));
	return { models, report };
};
