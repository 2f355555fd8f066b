import { allowedActions } from '$lib/rounds/state';
import type { RoundRow } from '$lib/server/rounds/queries';
import type { roundResponseRates } from '$lib/server/rounds/response-rates';
import type { OverlappingRound } from '$lib/server/rounds/overlap';

/**
 * The API shape of a round. The round's completed count and rate are left out (null) while fewer than
 * k are invited, as everywhere else.
 */
export function presentRound(r: RoundRow) {
	const shown = r.invited >= r.minGroupSize;
	const p = r.participants as { mode: 'all' } | { mode: 'units'; unitIds: string[] } | { mode: 'users'; userIds: string[] };
	return {
		id: r.id,
		name: r.name,
		status: r.status,
		model: { id: r.modelId, version: r.modelVersion },
		startsAt: r.startsAt.toISOString(),
		endsAt: r.endsAt.toISOString(),
		publishAt: r.publishAt.toISOString(),
		reminders: r.reminders.map((d) => d.toISOString()),
		remindersSent: r.remindersDone,
		minGroupSize: r.minGroupSize,
		participants: p.mode === 'units' ? { mode: p.mode, unitIds: p.unitIds } : p.mode === 'users' ? { mode: p.mode, userIds: p.userIds } : { mode: p.mode },
		questions: r.questions.map((q) => ({ key: q.key, type: q.type, en: q.en, sv: q.sv, min: q.min ?? null, max: q.max ?? null })),
		invited: r.invited,
		completed: shown ? r.completed : null,
		responseRate: shown && r.invited > 0 ? r.completed / r.invited : null,
		actions: allowedActions(r.status),
		repeatMonths: r.repeatMonths,
		repeatsFrom: r.repeatsFrom,
		nextRoundId: r.nextRoundId,
		createdBy: r.createdBy,
		createdAt: r.createdAt.toISOString()
	};
}

/** What a caller should know about a round it just launched: the open rounds it shares people with. */
export function presentWarnings(overlaps: OverlappingRound[]) {
	return overlaps.map((r) => ({
		code: 'overlaps_open_round' as const,
		message: `Some of these people are in an open round already: “${r.name}” (open until ${r.endsAt.toISOString()}): ${r.people} ${r.people === 1 ? 'person' : 'people'} would be in both rounds.`,
		roundId: r.id,
		roundName: r.name,
		endsAt: r.endsAt.toISOString(),
		people: r.people
	}));
}

/** Response rates per unit, already protected: hidden units carry no figures, only the reason. */
export function presentRates(r: Awaited<ReturnType<typeof roundResponseRates>>) {
	return {
		roundId: r.round.id,
		status: r.round.status,
		minGroupSize: r.k,
		total: r.total,
		units: r.rows.map((u) => ({
			unitId: u.unitId,
			name: u.name,
			depth: u.depth,
			invited: u.invited,
			completed: u.completed,
			rate: u.rate,
			hidden: u.hidden,
			hiddenReason: u.hiddenReason
		}))
	};
}
