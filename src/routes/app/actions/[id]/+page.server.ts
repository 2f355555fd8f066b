import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireMemberPage } from '$lib/server/http/guards';
import { forPage } from '$lib/server/http/pages';
import { attempt, nullable, str } from '$lib/server/http/forms';
import { getAction } from '$lib/server/actions/queries';
import { findRoundName } from '$lib/server/rounds/queries';
import { addActionNote, deleteAction, updateAction } from '$lib/server/actions/mutations';
import { ownerOptions } from '$lib/server/actions/options';
import { areaOptions, findingNames } from '$lib/server/actions/area-names';
import { ZONE_COOKIE, pickZone } from '$lib/time/zone';

/** One action: what, why, who, by when, its status and its dated notes; changed and noted here. */
export const load: PageServerLoad = async (event) => {
	const { actor } = requireMemberPage(event);
	const action = await forPage(() => getAction({ actor, actionId: event.params.id }));
	const organizationId = actor.membership!.organizationId;
	const [owners, areas, names] = await Promise.all([
		ownerOptions({ actor, unitId: action.unit.id, keep: action.owner?.id }),
		areaOptions(event.locals.locale),
		findingNames({ organizationId, roundId: action.roundId, areaKey: action.areaKey, statementKey: action.statementKey, locale: event.locals.locale })
	]);
	const round = action.roundId ? await findRoundName({ organizationId, roundId: action.roundId }) : undefined;
	return {
		action,
		timeZone: pickZone(event.cookies.get(ZONE_COOKIE), null),
		owners,
		areas: areas.map(({ key, name }) => ({ key, name })),
		areaName: names.areaName,
		statementText: names.statementText,
		round: round ?? null,
		done: event.url.searchParams.get('done') === 'created' ? ('created' as const) : null
	};
};

export const actions: Actions = {
	update: async (event) => {
		const { actor } = requireMemberPage(event);
		const data = await event.request.formData();
		return attempt(data, async () => {
			await updateAction({
				actor,
				actionId: event.params.id,
				input: {
					title: str(data.get('title')),
					reason: str(data.get('reason')),
					ownerId: nullable(data.get('ownerId')),
					dueOn: nullable(data.get('dueOn')),
					status: str(data.get('status'))
				}
			});
			return { done: 'updated' as const };
		});
	},
	status: async (event) => {
		const { actor } = requireMemberPage(event);
		const data = await event.request.formData();
		return attempt(data, async () => {
			await updateAction({ actor, actionId: event.params.id, input: { status: str(data.get('status')) } });
			return { done: 'updated' as const };
		});
	},
	note: async (event) => {
		const { actor } = requireMemberPage(event);
		const data = await event.request.formData();
		return attempt(data, async () => {
			await addActionNote({ actor, actionId: event.params.id, input: { body: str(data.get('body')) ?? '' } });
			return { done: 'noted' as const };
		});
	},
	remove: async (event) => {
		const { actor } = requireMemberPage(event);
		const action = await forPage(() => getAction({ actor, actionId: event.params.id }));
		await forPage(() => deleteAction({ actor, actionId: action.id }));
		redirect(303, `/app/actions?unit=${action.unit.id}`);
	}
};
