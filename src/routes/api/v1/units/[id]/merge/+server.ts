import type { RequestHandler } from './$types';
import { reply } from '$lib/server/http/reply';
import { unitOutput } from '$lib/server/units/output';
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
	return reply(unitOutput, presentUnit(await getUnit({ organizationId, unitId: (input as { intoId: string }).intoId })));
});
