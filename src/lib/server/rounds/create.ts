import { assertNotLapsed } from '$lib/server/billing/standing';
import { db, type Db } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/actor';
import { ValidationError } from '$lib/server/errors';
import { parse } from '$lib/server/validation';
import { recordAudit } from '$lib/server/audit/record';
import { defaultModel, getModel, newestVersion } from '$lib/server/models/registry';
import { defaultSchedule, scheduleProblems } from '$lib/rounds/state';
import { roundInput } from './input';
import { snapshotQuestions } from './questions';
import { getRound, type RoundRow } from './queries';
import { advanceRound } from './advance';
import { checkParticipants } from './invite';
import { checkRepeat } from './recurrence';

/**
 * Three reminders spread over the period like `defaultSchedule`'s, but on whole days at the time of day the
 * round starts (3.5 days after a 10:00 start is 22:00: a reminder in the night is easily missed). Periods
 * too short for that keep the even spread.
 */
function defaultReminders(startsAt: Date, endsAt: Date): Date[] {
	const days = (endsAt.getTime() - startsAt.getTime()) / 86_400_000;
	if (days < 4) return defaultSchedule(startsAt, days).reminders;
	const offsets = [...new Set([1, 2, 3].map((i) => Math.round((days * i) / 4)))].filter((d) => d > 0 && d < days);
	return offsets.map((d) => new Date(startsAt.getTime() + d * 86_400_000));
}

/** The round's model: the version asked for, the newest version of the model asked for, or the default model. Never a draft. */
export async function resolveModel(input: { model?: { id: string; version: string }; modelId?: string }) {
	const path = input.modelId && !input.model ? 'modelId' : 'model';
	try {
		if (input.model) return await getModel(input.model.id, input.model.version);
		if (input.modelId) {
			const version = await newestVersion(input.modelId);
			if (version) return await getModel(input.modelId, version);
		} else return await defaultModel();
	} catch {
		// Not found: reported below.
	}
	throw new ValidationError(`${path}: No such model.`, [{ path, message: 'No such model' }]);
}

/**
 * Creates a round; with `launch` (the default) it is scheduled and opens by itself at its start date —
 * at once when that is now. Dates the admin leaves out get the defaults of the model's SOS cycle.
 */
export async function createRound(opts: { organizationId: string; actor: Actor; input: unknown; now?: Date }, executor: Db = db()): Promise<RoundRow> {
	const input = parse(roundInput, opts.input);
	const now = opts.now ?? new Date();
	const model = await resolveModel(input);
	const startsAt = input.startsAt ?? now;
	const defaults = defaultSchedule(startsAt);
	const endsAt = input.endsAt ?? defaults.endsAt;
	const schedule = {
		startsAt,
		endsAt,
		publishAt: input.publishAt ?? endsAt,
		reminders: input.reminders ?? defaultReminders(startsAt, endsAt)
	};
	const problems = scheduleProblems(schedule);
	if (input.launch && endsAt <= now) problems.endsAt ??= 'The end must be in the future.';
	if (Object.keys(problems).length)
		throw new ValidationError(
			Object.values(problems).join(' '),
			Object.entries(problems).map(([path, message]) => ({ path, message }))
		);
	if (input.launch) await assertNotLapsed(opts.organizationId, now, executor);
	await checkRepeat({ organizationId: opts.organizationId, repeatMonths: input.repeatMonths, startsAt, endsAt }, executor);
	const invitable = await checkParticipants(
		{ organizationId: opts.organizationId, participants: input.participants, groups: model.structure.groups },
		executor
	);
	if (input.launch && invitable === 0)
		throw new ValidationError("participants: Nobody to invite: nobody chosen has both a unit and a job role among the model's groups.", [
			{ path: 'participants', message: "Nobody to invite: nobody chosen has both a unit and a job role among the model's groups" }
		]);
	const questions = await snapshotQuestions(opts.organizationId, input.questions, executor);
	const row = await executor
		.insertInto('rounds')
		.values({
			organization_id: opts.organizationId,
			name: input.name,
			model_id: model.structure.id,
			model_version: model.structure.version,
			status: input.launch ? 'scheduled' : 'draft',
			starts_at: schedule.startsAt,
			ends_at: schedule.endsAt,
			publish_at: schedule.publishAt,
			reminders: schedule.reminders,
			min_group_size: input.minGroupSize,
			participants: JSON.stringify(input.participants),
			questions: JSON.stringify(questions),
			created_by: opts.actor.label,
			repeat_months: input.repeatMonths
		})
		.returning('id')
		.executeTakeFirstOrThrow();
	await recordAudit(
		{
			organizationId: opts.organizationId,
			actor: opts.actor.label,
			action: 'round_created',
			target: input.name,
			details: { minGroupSize: input.minGroupSize, launched: input.launch, repeatMonths: input.repeatMonths }
		},
		executor
	);
	if (input.launch) await advanceRound({ organizationId: opts.organizationId, roundId: row.id, now, wait: true }, executor);
	return getRound({ organizationId: opts.organizationId, roundId: row.id }, executor);
}
