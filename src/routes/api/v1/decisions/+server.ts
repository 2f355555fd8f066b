import type { RequestHandler } from './$types';
import { reply } from '$lib/server/http/reply';
import { decisionListOutput, decisionOutput } from '$lib/server/decisions/output';
import { api, readJson } from '$lib/server/http/api';
import { ValidationError } from '$lib/server/errors';
import { isUuid } from '$lib/server/validation';
import { listDecisions, recordDecision } from '$lib/server/decisions/decisions';
import { ORGANIZATION } from '$lib/results/view';

/** Decision points of one unit (?unitId=, required; "organization": the organization's own, admins), oldest first. */
export const GET: RequestHandler = api(async (event, actor) => {
	const unitId = event.url.searchParams.get('unitId');
	if (!isUuid(unitId) && unitId !== ORGANIZATION)
		throw new ValidationError('unitId: Give the unit whose decisions to list.', [{ path: 'unitId', message: 'Not a valid id' }]);
	return reply(decisionListOutput, { decisions: await listDecisions({ actor, unitIds: [unitId] }) });
});

export const POST: RequestHandler = api(async (event, actor) =>
	reply(decisionOutput, await recordDecision({ actor, input: await readJson(event) }), { status: 201 })
);
