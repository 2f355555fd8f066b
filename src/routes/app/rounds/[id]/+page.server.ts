import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireAdminPage } from '$lib/server/http/guards';
import { attempt } from '$lib/server/http/forms';
import { NotFoundError, ValidationError } from '$lib/server/errors';
import { roundResponseRates } from '$lib/server/rounds/response-rates';
import { closeRoundEarly, extendRound, launchRound, remindNow } from '$lib/server/rounds/manage';
import { kickScheduler } from '$lib/server/jobs/scheduler';
import { summarize } from '$lib/server/questions/present';
import { getModel } from '$lib/server/models/registry';
import { allowedActions } from '$lib/rounds/state';
import { fromLocalInput, isTimeZone, toLocalInput } from '$lib/time/zone';
import { adminZone } from '../zone.server';
import { setRoundRepeat } from '$lib/server/rounds/recurrence';
import { unscheduleRound } from '$lib/server/rounds/unschedule';
import { repeatFromForm } from '../new/form';
import { repeatInfo } from '$lib/server/rounds/repeat-info';
import { listUnitNames } from '$lib/server/units/queries';
import { roundOverlaps, type OverlappingRound } from '$lib/server/rounds/overlap';
import { countInvitable } from '$lib/server/rounds/invite';
import { modelGroups } from '$lib/server/rounds/eligible';

const presentOverlap = (rounds: OverlappingRound[]) => rounds.map((r) => ({ ...r, endsAt: r.endsAt.toISOString() }));

/** "SOS sales management model 1.0": the model's name in the admin's language, and its version. */
async function modelName(id: string, version: string, locale: string): Promise<string> {
	try {
		const m = await getModel(id, version);
		return `${(m.translations[locale] ?? m.translations.en)?.name ?? id} ${version}`;
	} catch {
		return `${id} ${version}`;
	}
}

export const load: PageServerLoad = async (event) => {
	const { organizationId } = requireAdminPage(event);
	let rates;
	try {
		rates = await roundResponseRates({ organizationId, roundId: event.params.id });
	} catch (err) {
		if (err instanceof NotFoundError) error(404, 'Not found');
		throw err;
	}
	const r = rates.round;
	const timeZone = await adminZone(event.cookies, organizationId);
	const p = r.participants as { mode: 'all' } | { mode: 'units'; unitIds: string[] } | { mode: 'users'; userIds: string[] };
	let unitNames: string[] = [];
	if (p.mode === 'units') {
		unitNames = await listUnitNames({ organizationId, unitIds: p.unitIds });
	}
	const done = event.url.searchParams.get('done');
	// What launching a draft would do: how many it invites, and the open rounds it shares people with.
	const launch =
		r.status === 'draft'
			? {
					invites: await countInvitable({ organizationId, participants: p, groups: await modelGroups({ id: r.modelId, version: r.modelVersion }) }),
					overlap: presentOverlap(await roundOverlaps({ organizationId, roundId: r.id }))
				}
			: null;
	return {
		timeZone,
		launch,
		repeat: await repeatInfo(organizationId, r),
		done: done === 'launched' || done === 'saved' ? done : null,
		round: {
			id: r.id,
			name: r.name,
			status: r.status,
			model: await modelName(r.modelId, r.modelVersion, event.locals.locale),
			startsAt: r.startsAt.toISOString(),
			endsAt: r.endsAt.toISOString(),
			publishAt: r.publishAt.toISOString(),
			createdAt: r.createdAt.toISOString(),
			reminders: r.reminders.map((d) => d.toISOString()),
			remindersDone: r.remindersDone,
			k: r.minGroupSize,
			participants: { mode: p.mode, units: unitNames, people: p.mode === 'users' ? p.userIds.length : 0 },
			questions: r.questions.map((q) => ({ key: q.key, ...summarize(q as never, event.locals.locale) })),
			actions: allowedActions(r.status),
			// A sensible new end for "extend": a week after the current one.
			extendTo: toLocalInput(new Date(Math.max(r.endsAt.getTime(), Date.now()) + 7 * 86_400_000), timeZone)
		},
		rates: {
			total: rates.total,
			rows: rates.rows.map((u) => ({ id: u.unitId, name: u.name, depth: u.depth, invited: u.invited, completed: u.completed, reason: u.hiddenReason }))
		}
	};
};

function roundAction(action: 'close' | 'remind') {
	return async (event: Parameters<Actions[string]>[0]) => {
		const { organizationId, actor } = requireAdminPage(event);
		const data = await event.request.formData();
		const fn = { close: closeRoundEarly, remind: remindNow }[action];
		const result = await attempt(data, () => fn({ organizationId, actor, roundId: event.params.id! }));
		if ('id' in result) {
			await kickScheduler();
			return { done: action };
		}
		return result;
	};
}

export const actions: Actions = {
	launch: async (event) => {
		const { organizationId, actor } = requireAdminPage(event);
		const data = await event.request.formData();
		const roundId = event.params.id;
		const result = await attempt(data, async () => {
			// Launching over an open round for the same people is allowed, once the admin has seen it.
			if (data.get('intent') !== 'launch-anyway') {
				const overlap = await roundOverlaps({ organizationId, roundId });
				if (overlap.length) return { overlap: presentOverlap(overlap) };
			}
			return launchRound({ organizationId, actor, roundId });
		});
		if ('overlap' in result) return fail(409, { overlap: result.overlap });
		if (!('id' in result)) return result;
		await kickScheduler();
		return { done: 'launch' as const };
	},
	close: roundAction('close'),
	remind: roundAction('remind'),
	repeat: async (event) => {
		const { organizationId, actor } = requireAdminPage(event);
		const data = await event.request.formData();
		const result = await attempt(data, () =>
			setRoundRepeat({ organizationId, actor, roundId: event.params.id, input: { repeatMonths: repeatFromForm(String(data.get('repeat') ?? '')) } })
		);
		return 'id' in result ? { done: 'repeat' as const } : result;
	},
	unschedule: async (event) => {
		const { organizationId, actor } = requireAdminPage(event);
		const data = await event.request.formData();
		const result = await attempt(data, () => unscheduleRound({ organizationId, actor, roundId: event.params.id }));
		return 'id' in result ? { done: 'unschedule' as const } : result;
	},
	extend: async (event) => {
		const { organizationId, actor } = requireAdminPage(event);
		const data = await event.request.formData();
		const sent = data.get('timeZone');
		const zone = isTimeZone(sent) ? sent : await adminZone(event.cookies, organizationId);
		const result = await attempt(data, () => {
			const value = String(data.get('endsAt') ?? '');
			const endsAt = fromLocalInput(value, zone);
			if (!endsAt) throw new ValidationError('endsAt: Not a valid date and time', [{ path: 'endsAt', message: 'Not a valid date and time' }]);
			return extendRound({ organizationId, actor, roundId: event.params.id, input: { endsAt: endsAt.toISOString() } });
		});
		if ('id' in result) return { done: 'extend' as const };
		return result;
	}
};
