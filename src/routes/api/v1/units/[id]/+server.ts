import type { RequestHandler } from './$types';
import { reply } from '$lib/server/http/reply';
import { unitOutput } from '$lib/server/units/output';
import { api, readJson } from '$lib/server/http/api';
import { requireAdmin } from '$lib/server/auth/policies';
import { getUnit } from '$lib/server/units/queries';
import { updateUnit, deleteUnit } from '$lib/server/units/mutations';
import { presentUnit } from '$lib/server/units/present';

export const GET: RequestHandler = api(async (event, actor) => {
	const { organizationId } = requireAdmin(actor);
	return reply(unitOutput, presentUnit(await getUnit({ organizationId, unitId: event.params.id })));
});

export const PATCH: RequestHandler = api(async (event, actor) => {
	const { organizationId } = requireAdmin(actor);
	await updateUnit({ organizationId, actor, unitId: event.params.id, input: await readJson(event) });
	return reply(unitOutput, presentUnit(await getUnit({ organizationId, unitId: event.params.id })));
});

export const DELETE: RequestHandler = api(async (event, actor) => {
	const { organizationId } = requireAdmin(actor);
	await deleteUnit({ organizationId, actor, unitId: event.params.id });
	return new Response(null, { status: 204 });
});
