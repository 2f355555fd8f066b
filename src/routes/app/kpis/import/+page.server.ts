import type { Actions, PageServerLoad } from './$types';
import { requireAdminPage } from '$lib/server/http/guards';
import { attempt } from '$lib/server/http/forms';
import { uploadedFile } from '$lib/server/imports/upload';
import { importKpiValues } from '$lib/server/kpis/import-values';
import { listKpis } from '$lib/server/kpis/definitions';

export const load: PageServerLoad = async (event) => {
	const { organizationId } = requireAdminPage(event);
	const kpis = await listKpis({ organizationId });
	return { kpis: kpis.map((k) => ({ key: k.key, names: k.definition.names, ratio: k.definition.rollup.kind === 'ratio' })) };
};

export const actions: Actions = {
	/**
	 * Preview and apply are the same POST of the same file (mode=preview, then mode=apply): the page keeps
	 * the chosen file in its input, so applying needs no second choice, and nothing of an upload is stored
	 * until it is applied (no pending import to keep or clean up). Apply checks the file again in full.
	 */
	default: async (event) => {
		const { organizationId, actor } = requireAdminPage(event);
		let data: FormData;
		try {
			data = await event.request.formData();
		} catch {
			data = new FormData();
		}
		const mode = data.get('mode') === 'apply' ? 'apply' : 'preview';
		return attempt(data, async () => ({ result: await importKpiValues({ organizationId, actor, mode, ...(await uploadedFile(data)) }) }));
	}
};
