import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireAdminPage } from '$lib/server/http/guards';
import { attempt } from '$lib/server/http/forms';
import { listUnits } from '$lib/server/units/queries';
import { flattenTree } from '$lib/server/units/tree';
import { defaultModel, roundModels, standardQuestions } from '$lib/server/models/registry';
import { QUESTION_TYPES } from '$lib/server/models/schema';
import { listQuestions } from '$lib/server/questions/store';
import { summarize } from '$lib/server/questions/present';
import { createRound } from '$lib/server/rounds/create';
import { overlappingRounds } from '$lib/server/rounds/overlap';
import { eligibleCountsByUnit, listEligiblePeople } from '$lib/server/rounds/eligible';
import { kickScheduler } from '$lib/server/jobs/scheduler';
import { defaultSchedule } from '$lib/rounds/state';
import { NOTICE_DAYS } from '$lib/rounds/repeat';
import { isTimeZone, toLocalInput } from '$lib/time/zone';
import { adminZone } from '../zone.server';
import { roundFormInput, roundFormValues, type RoundFormValues } from './form';

/** People are offered one by one only up to this many; beyond it, choose units (or use the API). */
const MAX_PEOPLE_LISTED = 1000;

/**
 * Default reminders: three, spread over the two weeks like the domain's defaults, but on whole days at
 * 09:00 local time — a reminder in the middle of the night is easily missed (days 4, 7 and 11).
 */
function morningReminders(startsAt: string): string[] {
	const [y, m, d] = startsAt.slice(0, 10).split('-').map(Number);
	return [4, 7, 11].map((days) => `${new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10)}T09:00`);
}

export const load: PageServerLoad = async (event) => {
	const { organizationId } = requireAdminPage(event);
	const lang = event.locals.locale;
	const [units, timeZone, library, own, models, preferred] = await Promise.all([
		listUnits({ organizationId }),
		adminZone(event.cookies, organizationId),
		standardQuestions(),
		listQuestions({ organizationId }),
		roundModels(),
		defaultModel()
	]);
	// A round invites the people whose job role is one of its model's groups: the counts follow the model chosen.
	const counts = await Promise.all(models.map((m) => eligibleCountsByUnit({ organizationId, groups: m.structure.groups })));
	const tree = flattenTree(units);
	// People per unit including everything below it (a unit includes its subtree when chosen), per model.
	const below = counts.map((own_) => {
		const out = new Map<string, number>();
		for (let i = tree.length - 1; i >= 0; i--) {
			const u = tree[i].unit;
			out.set(u.id, (out.get(u.id) ?? 0) + (own_.get(u.id) ?? 0));
			if (u.parentId) out.set(u.parentId, (out.get(u.parentId) ?? 0) + out.get(u.id)!);
		}
		return out;
	});
	const byModel = <T>(f: (i: number) => T) => Object.fromEntries(models.map((m, i) => [m.ref, f(i)]));
	const eligible = byModel((i) => [...counts[i].values()].reduce((a, b) => a + b, 0));
	const paths = new Map(tree.map((r) => [r.unit.id, r.path.join(' › ')]));
	const groups = [...new Set(models.flatMap((m) => m.structure.groups))];
	const people =
		Math.max(0, ...Object.values(eligible)) <= MAX_PEOPLE_LISTED
			? (await listEligiblePeople({ organizationId, groups })).map((p) => ({
					id: p.id,
					name: p.name,
					unit: paths.get(p.unitId) ?? '',
					models: models.filter((m) => m.structure.groups.includes(p.jobRole)).map((m) => m.ref)
				}))
			: null;
	const start = new Date(Math.floor(Date.now() / 60_000) * 60_000);
	const s = defaultSchedule(start);
	const startsAt = toLocalInput(s.startsAt, timeZone);
	const defaults: RoundFormValues = {
		name: '',
		mode: 'all',
		unitIds: [],
		userIds: [],
		questions: [],
		startsAt,
		endsAt: toLocalInput(s.endsAt, timeZone),
		publishAt: toLocalInput(s.publishAt, timeZone),
		reminders: morningReminders(startsAt),
		minGroupSize: '5',
		repeat: '',
		model: preferred.ref
	};
	return {
		timeZone,
		defaults,
		// The newest shipped or published version of each model; choosing one suggests its repeat interval.
		models: models.map((m) => ({
			value: m.ref,
			name: (m.translations[lang] ?? m.translations.en ?? Object.values(m.translations)[0])?.name ?? m.structure.id,
			version: m.structure.version,
			repeatMonths: m.structure.repeatMonths ?? null
		})),
		noticeDays: NOTICE_DAYS,
		units: tree.map((r) => ({
			id: r.unit.id,
			parentId: r.unit.parentId,
			name: r.unit.name,
			depth: r.depth,
			people: byModel((i) => below[i].get(r.unit.id) ?? 0)
		})),
		eligible,
		people,
		standard: QUESTION_TYPES.map((type) => ({
			type,
			items: library.filter((q) => q.type === type).map((q) => ({ value: `standard:${q.key}`, ...summarize(q, lang) }))
		})).filter((g) => g.items.length > 0),
		own: own.map((q) => ({ value: `organization:${q.id}`, ...summarize(q.definition, lang) }))
	};
};

export const actions: Actions = {
	default: async (event) => {
		const { organizationId, actor } = requireAdminPage(event);
		const data = await event.request.formData();
		const values = roundFormValues(data);
		const sent = data.get('timeZone');
		const zone = isTimeZone(sent) ? sent : await adminZone(event.cookies, organizationId);
		const launch = data.get('intent') !== 'draft';
		const result = await attempt(data, async () => {
			const input = roundFormInput(values, zone, launch);
			// Launching over an open round for the same people is allowed, once the admin has seen it.
			if (launch && data.get('intent') !== 'launch-anyway') {
				const overlap = await overlappingRounds({ organizationId, input });
				if (overlap.length) return { overlap: overlap.map((r) => ({ ...r, endsAt: r.endsAt.toISOString() })) };
			}
			return createRound({ organizationId, actor, input });
		});
		if ('overlap' in result) return fail(409, { overlap: result.overlap, values, zone });
		if (!('id' in result)) return fail(result.status, { ...result.data, values, zone });
		if (result.status !== 'draft') await kickScheduler();
		redirect(303, `/app/rounds/${result.id}?done=${result.status === 'draft' ? 'saved' : 'launched'}`);
	}
};
