import { db, type Db } from '$lib/server/db';
import { parse } from '$lib/server/validation';
import { roundInput } from './input';
import { participantQuery } from './invite';

export interface OverlappingRound {
	id: string;
	name: string;
	endsAt: Date;
	/** People the new round would invite who are invited to this open round too. */
	people: number;
}

/**
 * The open rounds that a round about to be launched overlaps: still open when it starts, with invitations
 * for people it would invite (how many, per round). The admin is warned and may launch anyway.
 */
export async function overlappingRounds(opts: { organizationId: string; input: unknown; now?: Date }, executor: Db = db()): Promise<OverlappingRound[]> {
	const input = parse(roundInput, opts.input);
	const people = await participantQuery(opts.organizationId, input.participants, executor);
	if (!people) return [];
	const startsAt = input.startsAt ?? opts.now ?? new Date();
	const rows = await executor
		.selectFrom('invitations as i')
		.innerJoin('rounds as r', (j) => j.onRef('r.organization_id', '=', 'i.organization_id').onRef('r.id', '=', 'i.round_id'))
		.where('i.organization_id', '=', opts.organizationId)
		.where('r.organization_id', '=', opts.organizationId)
		.where('r.status', '=', 'open')
		.where('r.ends_at', '>', startsAt)
		.where('i.user_id', 'in', people.select('id'))
		.groupBy(['r.id', 'r.name', 'r.starts_at', 'r.ends_at'])
		.select((eb) => ['r.id', 'r.name', 'r.ends_at', eb.fn.count<string>('i.user_id').distinct().as('people')])
		.orderBy('r.starts_at')
		.execute();
	return rows.map((r) => ({ id: r.id, name: r.name, endsAt: r.ends_at, people: Number(r.people) }));
}
