import type { Actions, PageServerLoad } from './$types';
import { listBenchmarkOrganizations } from '$lib/server/benchmarks/queries';
import { requireOperatorPage } from '$lib/server/http/guards';
import { attempt } from '$lib/server/http/forms';
import { listBenchmarkVersions } from '$lib/server/benchmarks/versions';
import { rebuildAllBenchmarks } from '$lib/server/benchmarks/due';
import { importBenchmark, setBenchmarkExclusion } from '$lib/server/benchmarks/import';
import { usableVersions } from '$lib/server/models/registry';
import { ValidationError } from '$lib/server/errors';
import { recordAudit } from '$lib/server/audit/record';

export const load: PageServerLoad = async (event) => {
	requireOperatorPage(event);
	const [live, demo, organizations, models] = await Promise.all([
		listBenchmarkVersions({ population: 'live', limit: 30 }),
		listBenchmarkVersions({ population: 'demo', limit: 5 }),
		listBenchmarkOrganizations(),
		usableVersions()
	]);
	return { versions: [...live, ...demo.map((v) => ({ ...v, demo: true }))], organizations, models: models.map((m) => `${m.id}@${m.version}`) };
};

export const actions: Actions = {
	rebuild: async (event) => {
		const actor = requireOperatorPage(event);
		const n = await rebuildAllBenchmarks();
		await recordAudit({ organizationId: null, actor: actor.label, action: 'benchmark_rebuilt', details: { versions: n } });
		return { rebuilt: n };
	},
	import: async (event) => {
		const actor = requireOperatorPage(event);
		const data = await event.request.formData();
		return attempt(data, async () => {
			const file = data.get('file');
			if (!(file instanceof File) || file.size === 0) throw new ValidationError('file: Choose a CSV file.', [{ path: 'file', message: 'Choose a CSV file' }]);
			const result = await importBenchmark({ actor, input: { label: data.get('label'), model: data.get('model') }, csv: await file.text() });
			return { imported: String(data.get('label')), areas: result.areas };
		});
	},
	exclude: async (event) => {
		const actor = requireOperatorPage(event);
		const data = await event.request.formData();
		return attempt(data, async () => {
			await setBenchmarkExclusion({ actor, organizationId: String(data.get('organizationId') ?? ''), excluded: data.get('excluded') === 'true' });
			return { excludedChanged: true };
		});
	}
};
