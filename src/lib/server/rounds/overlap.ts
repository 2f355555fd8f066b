import { db, type Db } from '$lib/server/db';
import { NotFoundError } from '$lib/server/errors';
import { isUuid, parse } from '$lib/server/validation';
import { roundInput } from './input';
import { participantQuery } from './invite';
import { modelGroups } from './eligible';
import { resolveModel } from './create';

type Participants = { mode: 'all' } | { mode: 'units'; unitIds: string[] } | { mode: 'users'; userIds: string[] };

export interface OverlappingRound {
	id: string;
	name: string;
	endsAt: Date;
	/** People the new round would invite who are invited to this open round too (invitations, nothing about answers). */
	people: number;
}

/**
 * The rule: the open rounds, other than `except`, still open at `startsAt` and with invitations for people
 * the participant choice covers (how many, per round). The admin is warned and may launch anyway.
 */
async function overlapsOf(
	opts: { organizationId: string; participants: Participants; groups: readonly string[]; startsAt: Date; except?: string },
	executor: Db
): Promise<OverlappingRound[]> {
	const people = await participantQuery(opts.organizationId, opts.participants, opts.groups, executor);
	if (!people) return [];
	let q = executor
		.selectFrom('invitations as i')
		.innerJoin('rounds as r', (j) => j.onRef('r.organization_id', '=', 'i.organization_id').onRef('r.id', '=', 'i.round_id'))
		.where('i.organization_id', '=', opts.organizationId)
		.where('r.organization_id', '=', opts.organizationId)
		.where('r.status', '=', 'open')
		.where('r.ends_at', '>', opts.startsAt)
		.where('i.user_id', 'in', people.select('id'));
	if (opts.except) q = q.where('r.id', '<>', opts.except);
	const rows = await q
		.groupBy(['r.id', 'r.name', 'r.starts_at', 'r.ends_at'])
		.select((eb) => ['r.id', 'r.name', 'r.ends_at', eb.fn.count<string>('i.user_id').distinct().as('people')])
		.orderBy('r.starts_at')
		.execute();
	return rows.map((r) => ({ id: r.id, name: r.name, endsAt: r.ends_at, people: Number(r.people) }));
}

/** The open rounds that a round about to be created and launched (`roundInput`) would overlap. */
export async function overlappingRounds(opts: { organizationId: string; input: unknown; now?: Date }, executor: Db = db()): Promise<OverlappingRound[]> {
	const input = parse(roundInput, opts.input);
	const groups = (await resolveModel(input)).structure.groups;
	return overlapsOf(
		{ organizationId: opts.organizationId, participants: input.participants, groups, startsAt: input.startsAt ?? opts.now ?? new Date() },
		executor
	);
}

/**
 * The open rounds that a saved round overlaps: a draft about to be launched, or one just launched (itself
 * left out). It starts at its start date, or now when that has passed.
 */
export async function roundOverlaps(opts: { organizationId: string; roundId: string; now?: Date }, executor: Db = db()): Promise<OverlappingRound[]> {
	if (!isUuid(opts.roundId)) throw new NotFoundError('round');
	const round = await executor
		.selectFrom('rounds')
		.select(['participants', 'starts_at', 'model_id', 'model_version'])
		.where('organization_id', '=', opts.organizationId)
		.where('id', '=', opts.roundId)
		.executeTakeFirst();
	if (!round) throw new NotFoundError('round');
	const now = opts.now ?? new Date();
	return overlapsOf(
		{
			organizationId: opts.organizationId,
			participants: round.participants as Participants,
			groups: await modelGroups({ id: round.model_id, version: round.model_version }),
			startsAt: round.starts_at > now ? round.starts_at : now,
			except: opts.roundId
		},
		executor
	);
}
