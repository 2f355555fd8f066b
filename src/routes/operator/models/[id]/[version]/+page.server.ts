import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireOperatorPage } from '$lib/server/http/guards';
import { attempt } from '$lib/server/http/forms';
import { forPage } from '$lib/server/http/pages';
import { getAnyModelVersion } from '$lib/server/models/overview';
import { previewArea } from '$lib/server/models/preview';
import { deleteModelDraft, publishModelVersion } from '$lib/server/models/publish';
import { MODEL_ID, MODEL_VERSION } from '$lib/server/models/schema';

function ref(params: { id: string; version: string }) {
	if (!MODEL_ID.test(params.id) || !MODEL_VERSION.test(params.version)) error(404, 'The model version was not found.');
	return { id: params.id, version: params.version };
}

export const load: PageServerLoad = async (event) => {
	requireOperatorPage(event);
	const { model, summary, upload } = await forPage(() => getAnyModelVersion({ ...ref(event.params), language: event.locals.locale }));
	const languages = Object.keys(model.translations).sort();
	const asked = event.url.searchParams.get('lang') ?? '';
	const language = languages.includes(asked) ? asked : languages.includes(event.locals.locale) ? event.locals.locale : languages[0];
	const page = Math.min(Math.max(1, Number(event.url.searchParams.get('p')) || 1), model.shape.areas.length);
	return {
		summary,
		upload,
		languages,
		language,
		page,
		view: previewArea(model, language, page),
		done: event.url.searchParams.get('done')
	};
};

export const actions: Actions = {
	publish: async (event) => {
		const actor = requireOperatorPage(event);
		const data = await event.request.formData();
		const r = ref(event.params);
		const result = await attempt(data, () => publishModelVersion({ actor, ...r }));
		if (result) return result;
		redirect(303, `/operator/models/${r.id}/${r.version}?done=published`);
	},
	delete: async (event) => {
		const actor = requireOperatorPage(event);
		const data = await event.request.formData();
		const result = await attempt(data, () => deleteModelDraft({ actor, ...ref(event.params) }));
		if (result) return result;
		redirect(303, '/operator/models?done=deleted');
	}
};
