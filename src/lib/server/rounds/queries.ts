import { db, type Db } from '$lib/server/db';
import type { RepeatMonths, RoundStatus } from '$lib/server/db/schema';
import { NotFoundError } from '$lib/server/errors';
import { isUuid } from '$lib/server/validation';
import type { RoundQuestion } from './questions';

export interface RoundRow {
	id: string;
	name: string;
	modelId: string;
	modelVersion: string;
	status: RoundStatus;
	startsAt: Date;
	endsAt: Date;
	publishAt: Date;
	reminders: Date[];
	remindersDone: number;
	minGroupSize: number;
	participants: unknown;
	questions: RoundQuestion[];
	createdBy: string;
	createdAt: Date;
	invited: number;
	completed: number;
	repeatMonths: RepeatMonths | null;
	/** The round this one was created from by its repeat, and the one created from it. */
	repeatsFrom: string | null;
	nextRoundId: string | null;
}

export function roundColumns(executor: Db = db()) {
	return executor
		.selectFrom('rounds as r')
		.select((eb) => [
			'r.id',
			'r.name',
			'r.model_id as modelId',
			'r.model_version as modelVersion',
			'r.status',
			'r.starts_at as startsAt',
			'r.ends_at as endsAt',
			'r.publish_at as publishAt',
			'r.reminders',
			'r.reminders_done as remindersDone',
			'r.min_group_size as minGroupSize',
			'r.participants',
			'r.questions',
			'r.created_by as createdBy',
			'r.created_at as createdAt',
			'r.repeat_months as repeatMonths',
			'r.repeats_from as repeatsFrom',
			eb
				.selectFrom('rounds as next')
				.whereRef('next.organization_id', '=', 'r.organization_id')
				.whereRef('next.repeats_from', '=', 'r.id')
				.select('next.id')
				.as('nextRoundId'),
			eb
				.selectFrom('invitations as i')
				.whereRef('i.organization_id', '=', 'r.organization_id')
				.whereRef('i.round_id', '=', 'r.id')
				.select(eb.fn.countAll<number>().as('n'))
				.as('invited'),
			eb
				.selectFrom('invitations as i')
				.whereRef('i.organization_id', '=', 'r.organization_id')
				.whereRef('i.round_id', '=', 'r.id')
				.where('i.completed', '=', true)
				.select(eb.fn.countAll<number>().as('n'))
				.as('completed')
		]);
}

function toRow(r: Record<string, unknown>): RoundRow {
	return {
		...(r as unknown as RoundRow),
		invited: Number(r.invited ?? 0),
		completed: Number(r.completed ?? 0),
		questions: (r.questions ?? []) as RoundQuestion[]
	};
}

export async function listRounds(opts: { organizationId: string }, executor: Db = db()): Promise<RoundRow[]> {
	const rows = await roundColumns(executor).where('r.organization_id', '=', opts.organizationId).orderBy('r.starts_at', 'desc').execute();
	return rows.map(toRow);
}

export async function getRound(opts: { organizationId: string; roundId: string }, executor: Db = db()): Promise<RoundRow> {
	if (!isUuid(opts.roundId)) throw new NotFoundError('round');
	const row = await roundColumns(executor).where('r.organization_id', '=', opts.organizationId).where('r.id', '=', opts.roundId).executeTakeFirst();
	if (!row) throw new NotFoundError('round');
	return toRow(row);
}

/** A round's id and name, or undefined when the organization has no such round (e.g. an action's round, since deleted). */
export async function findRoundName(opts: { organizationId: string; roundId: string }, executor: Db = db()): Promise<{ id: string; name: string } | undefined> {
	return executor
		.selectFrom('rounds')
		.select(['id', 'name'])
		.where('organization_id', '=', opts.organizationId)
		.where('id', '=', opts.roundId)
		.executeTakeFirst();
}
