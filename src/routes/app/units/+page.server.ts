import type { Actions, PageServerLoad } from './$types';
import { requireAdminPage } from '$lib/server/http/guards';
import { attempt, nullable } from '$lib/server/http/forms';
import { listUnits, getLevelNames } from '$lib/server/units/queries';
import { createUnit, updateUnit, deleteUnit, setLevelNames } from '$lib/server/units/mutations';
import { flattenTree, levelName } from '$lib/server/units/tree';
import { mergeUnit } from '$lib/server/units/merge';

export const load: PageServerLoad = async (event) => {
	const { organizationId } = requireAdminPage(event);
	const [units, levelNames] = await Promise.all([listUnits({ organizationId }), getLevelNames({ organizationId })]);
	const rows = flattenTree(units).map((r) => ({ ...r.unit, depth: r.depth, path: r.path.join(' › '), level: levelName(levelNames, r.depth) }));
	return { rows, levelNames };
};

export const actions: Actions = {
	create: async (event) => {
		const { organizationId, actor } = requireAdminPage(event);
		const data = await event.request.formData();
		return attempt(data, async () => {
			const u = await createUnit({ organizationId, actor, input: { name: data.get('name'), parentId: nullable(data.get('parentId')) } });
			return { done: 'created' as const, name: u.name };
		});
	},
	update: async (event) => {
		const { organizationId, actor } = requireAdminPage(event);
		const data = await event.request.formData();
		return attempt(data, async () => {
			const input: Record<string, unknown> = {};
			if (data.has('name')) input.name = data.get('name');
			if (data.has('parentId')) input.parentId = nullable(data.get('parentId'));
			const u = await updateUnit({ organizationId, actor, unitId: String(data.get('id') ?? ''), input });
			return { done: 'updated' as const, name: u.name };
		});
	},
	delete: async (event) => {
		const { organizationId, actor } = requireAdminPage(event);
		const data = await event.request.formData();
		return attempt(data, async () => {
			const id = String(data.get('id') ?? '');
			const name = String(data.get('name') ?? '');
			await deleteUnit({ organizationId, actor, unitId: id });
			return { done: 'deleted' as const, name };
		});
	},
	merge: async (event) => {
		const { organizationId, actor } = requireAdminPage(event);
		const data = await event.request.formData();
		return attempt(data, async () => {
			const m = await mergeUnit({ organizationId, actor, unitId: String(data.get('id') ?? ''), input: { intoId: data.get('intoId') } });
			return { done: 'merged' as const, name: m.from, into: m.into };
		});
	},
	levels: async (event) => {
		const { organizationId, actor } = requireAdminPage(event);
		const data = await event.request.formData();
		return attempt(data, async () => {
			const levelNames = data
				.getAll('level')
				.map(String)
				.filter((l) => l.trim() !== '');
			await setLevelNames({ organizationId, actor, input: { levelNames } });
			return { done: 'levels' as const, name: '' };
		});
	}
};
