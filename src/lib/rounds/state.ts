/** The round life cycle as pure functions: draft → scheduled → open → closed → published. */
export type RoundStatus = 'draft' | 'scheduled' | 'open' | 'closed' | 'published';

export interface RoundDates {
	status: RoundStatus;
	startsAt: Date;
	endsAt: Date;
	publishAt: Date;
}

const order: RoundStatus[] = ['draft', 'scheduled', 'open', 'closed', 'published'];

/** Where the dates take a launched round at `now`; a draft stays a draft until an admin launches it. */
export function statusAt(r: RoundDates, now: Date): RoundStatus {
	if (r.status === 'draft') return 'draft';
	let s: RoundStatus = 'scheduled';
	if (now >= r.startsAt) s = 'open';
	if (now >= r.endsAt) s = 'closed';
	if (now >= r.publishAt) s = 'published';
	// Dates never move a round backwards (e.g. a round closed early stays closed).
	return order.indexOf(s) >= order.indexOf(r.status) ? s : r.status;
}

/** The transitions from `from` to `to`, in order, each of which the runner performs once. */
export function transitions(from: RoundStatus, to: RoundStatus): RoundStatus[] {
	const a = order.indexOf(from);
	const b = order.indexOf(to);
	return b > a ? order.slice(a + 1, b + 1) : [];
}

export type RoundAction = 'launch' | 'close' | 'extend' | 'remind';

/** Which admin actions a round in `status` allows. */
export function allowedActions(status: RoundStatus): RoundAction[] {
	switch (status) {
		case 'draft':
			return ['launch'];
		case 'scheduled':
			return ['extend'];
		case 'open':
			return ['close', 'extend', 'remind'];
		default:
			return [];
	}
}

/** Default schedule: open two weeks from the start, published at the end, three reminders spread evenly. */
export function defaultSchedule(startsAt: Date, days = 14, reminders = 3) {
	const endsAt = new Date(startsAt.getTime() + days * 86_400_000);
	const span = endsAt.getTime() - startsAt.getTime();
	return {
		startsAt,
		endsAt,
		publishAt: endsAt,
		reminders: Array.from({ length: reminders }, (_, i) => new Date(startsAt.getTime() + (span * (i + 1)) / (reminders + 1)))
	};
}

/** Problems with a set of dates, as field → message; empty when fine. */
export function scheduleProblems(s: { startsAt: Date; endsAt: Date; publishAt: Date; reminders: Date[] }): Record<string, string> {
	const p: Record<string, string> = {};
	if (!(s.endsAt > s.startsAt)) p.endsAt = 'The end must be after the start.';
	if (s.publishAt < s.endsAt) p.publishAt = 'Results cannot be published before the round ends.';
	if (s.reminders.some((r) => r <= s.startsAt || r >= s.endsAt)) p.reminders = 'Reminders must fall between the start and the end.';
	if (s.reminders.length > 10) p.reminders = 'At most 10 reminders.';
	return p;
}
