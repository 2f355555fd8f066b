import type { RequestHandler } from './$types';
import { reply } from '$lib/server/http/reply';
import { unitListOutput, unitOutput } from '$lib/server/units/output';
import { api, readJson } from '$lib/server/http/api';
import { requireAdmin } from '$lib/server/auth/policies';
import { listUnits } from '$lib/server/units/queries';
import { createUnit } from '$lib/server/units/mutations';
import { presentUnit } from '$lib/server/units/present';

export const GET: RequestHandler = api(async (_event, actor) => {
	const { organizationId } = requireAdmin(actor);
	const units = await listUnits({ organizationId });
	return reply(unitListOutput, { units: units.map(presentUnit) });
});

export const POST: RequestHandler = api(async (event, actor) => {
	const { organizationId } = requireAdmin(actor);
	const unit = await createUnit({ organizationId, actor, input: await readJson(event) });
	return reply(unitOutput, presentUnit(unit), { status: 201 });
});
