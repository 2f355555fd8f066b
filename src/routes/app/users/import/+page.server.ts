import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireAdminPage } from '$lib/server/http/guards';
import { attempt } from '$lib/server/http/forms';
import { getLevelNames } from '$lib/server/units/queries';
import { previewUserImport } from '$lib/server/imports/preview';
import { uploadedFile } from '$lib/server/imports/upload';
import { ValidationError } from '$lib/server/errors';

export const load: PageServerLoad = async (event) => {
	const { organizationId } = requireAdminPage(event);
	return { levelNames: await getLevelNames({ organizationId }) };
};

export const actions: Actions = {
	default: async (event) => {
		const { organizationId, actor } = requireAdminPage(event);
		let data: FormData;
		try {
			data = await event.request.formData();
		} catch {
			data = new FormData();
		}
		const result = await attempt(data, async () => {
			if (!data.has('file')) throw new ValidationError('Choose an .xlsx or .csv file to upload.');
			return previewUserImport({ organizationId, actor, ...(await uploadedFile(data)) });
		});
		if ('importId' in result) redirect(303, `/app/users/import/${result.importId}`);
		return result;
	}
};
