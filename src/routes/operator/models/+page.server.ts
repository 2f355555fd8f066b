import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireOperatorPage } from '$lib/server/http/guards';
import { attempt } from '$lib/server/http/forms';
import { listModelVersions } from '$lib/server/models/overview';
import { BundleInvalidError, uploadModelVersion } from '$lib/server/models/upload';
import { setDefaultModel } from '$lib/server/models/default-model';
import { ValidationError } from '$lib/server/errors';

export const load: PageServerLoad = async (event) => {
	requireOperatorPage(event);
	return listModelVersions({ language: event.locals.locale });
};

export const actions: Actions = {
	upload: async (event) => {
		const actor = requireOperatorPage(event);
		const data = await event.request.formData();
		const file = data.get('file');
		const fileName = file instanceof File ? file.name : '';
		const result = await attempt(data, async () => {
			if (!(file instanceof File) || file.size === 0) throw new ValidationError('file: Choose a bundle file (.json).', [{ path: 'file', message: 'Choose a bundle file (.json)' }]);
			try {
				return await uploadModelVersion({ actor, fileName, text: await file.text() });
			} catch (err) {
				// Every problem, each with its line and column, for the table of errors.
				if (err instanceof BundleInvalidError) return { bundleErrors: err.errors };
				throw err;
			}
		});
		if ('bundleErrors' in result) return fail(400, { fileName, bundleErrors: result.bundleErrors });
		if (!('id' in result)) return result;
		redirect(303, `/operator/models/${result.id}/${result.version}?done=${result.replaced ? 'replaced' : 'uploaded'}`);
	},
	setDefault: async (event) => {
		const actor = requireOperatorPage(event);
		const data = await event.request.formData();
		return attempt(data, async () => {
			const id = String(data.get('id') ?? '');
			await setDefaultModel({ actor, id });
			return { defaultSet: id };
		});
	}
};
