import type { RequestHandler } from './$types';
import { reply } from '$lib/server/http/reply';
import { userListOutput, userOutput } from '$lib/server/users/output';
import { api, readJson } from '$lib/server/http/api';
import { requireAdmin } from '$lib/server/auth/policies';
import { listUsers } from '$lib/server/users/queries';
import { createUser } from '$lib/server/users/mutations';
import { presentUser } from '$lib/server/users/present';
import { parse } from '$lib/server/validation';
import { userListQuery } from '$lib/server/users/list-query';

export const GET: RequestHandler = api(async (event, actor) => {
	const { organizationId } = requireAdmin(actor);
	const q = parse(userListQuery, Object.fromEntries(event.url.searchParams));
	const { users, total } = await listUsers({ organizationId, search: q.q, unitId: q.unitId, access: q.access, limit: q.limit, offset: q.offset });
	return reply(userListOutput, { users: users.map(presentUser), total, limit: q.limit, offset: q.offset });
});

export const POST: RequestHandler = api(async (event, actor) => {
	const { organizationId } = requireAdmin(actor);
	const user = await createUser({ organizationId, actor, input: await readJson(event) });
	return reply(userOutput, presentUser(user), { status: 201 });
});
