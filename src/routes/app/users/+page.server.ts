import type { PageServerLoad } from './$types';
import { requireAdminPage } from '$lib/server/http/guards';
import { listUsers } from '$lib/server/users/queries';
import { unitOptions } from '$lib/server/units/options';
import { jobRoleChoices } from '$lib/server/users/job-role';
import { isUuid } from '$lib/server/validation';

const PAGE = 50;
const accesses = ['participant', 'viewer', 'admin'] as const;

const flashes = ['created', 'updated', 'deleted', 'erased'] as const;
function flash(q: URLSearchParams) {
	const done = flashes.find((f) => f === q.get('done'));
	return done ? { done, email: (q.get('email') ?? '').slice(0, 254) } : null;
}

export const load: PageServerLoad = async (event) => {
	const { organizationId } = requireAdminPage(event);
	const q = event.url.searchParams;
	const search = (q.get('q') ?? '').trim().slice(0, 100);
	const unitId = isUuid(q.get('unit')) ? q.get('unit')! : undefined;
	const access = accesses.find((a) => a === q.get('access'));
	const page = Math.max(1, Math.min(10_000, Number.parseInt(q.get('page') ?? '1', 10) || 1));
	const [result, units, roles] = await Promise.all([
		listUsers({ organizationId, search: search || undefined, unitId, access, limit: PAGE, offset: (page - 1) * PAGE }),
		unitOptions({ organizationId }),
		jobRoleChoices(event.locals.locale)
	]);
	const unitLabel = new Map(units.map((u) => [u.id, u.label]));
	const roleName = new Map(roles.map((r) => [r.key, r.name]));
	return {
		users: result.users.map((u) => ({
			...u,
			unit: u.unitId ? (unitLabel.get(u.unitId) ?? '') : '',
			role: u.jobRole ? (roleName.get(u.jobRole) ?? u.jobRole) : '',
			scope: u.scopeUnitId ? (unitLabel.get(u.scopeUnitId) ?? '') : ''
		})),
		total: result.total,
		page,
		pageSize: PAGE,
		filters: { q: search, unit: unitId ?? '', access: access ?? '' },
		units,
		flash: flash(q)
	};
};
