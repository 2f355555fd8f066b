import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { api, readJson } from '$lib/server/http/api';
import { requireAdmin } from '$lib/server/auth/policies';
import { getUnit } from '$lib/server/units/queries';
import { mergeUnit } from '$lib/server/units/merge';
import { presentUnit } from '$lib/server/units/present';

/** Merges this unit into {intoId}: the other unit takes over its sub-units, people, viewers and history. */
export const POST: RequestHandler = api(async (event, actor) => {
	const { organizationId } = requireAdmin(actor);
	const input = await readJson(event);
	await mergeUnit({ organizationId, actor, unitId: event.params.id, input });
	return json(presentUnit(await getUnit({ organizationId, unitId: (input as { intoId: string }).intoId })));
});
