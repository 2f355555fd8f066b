import { db, type Db } from '$lib/server/db';
import type { RoundRow } from './queries';
import { organizationZoneAndLanguage } from './successor';
import { successorSchedule } from '$lib/rounds/repeat';

/**
 * What the round page says about the repeat: the setting, the round it repeats, and the next round —
 * the one created from it, or when a repeating round that has not opened yet will create it.
 */
export async function repeatInfo(organizationId: string, r: RoundRow, now = new Date(), executor: Db = db()) {
	const ids = [r.repeatsFrom, r.nextRoundId].filter((id): id is string => !!id);
	const linked = ids.length
		? await executor.selectFrom('rounds').select(['id', 'name', 'starts_at']).where('organization_id', '=', organizationId).where('id', 'in', ids).execute()
		: [];
	const find = (id: string | null) => linked.find((l) => l.id === id);
	const next = find(r.nextRoundId);
	const previous = find(r.repeatsFrom);
	const editable = r.status === 'draft' || r.status === 'scheduled' || r.status === 'open';
	let nextOpensAt: string | null = null;
	if (!next && r.repeatMonths && editable) {
		const { zone } = await organizationZoneAndLanguage(organizationId, executor);
		nextOpensAt = successorSchedule(r, r.repeatMonths, zone, now).startsAt.toISOString();
	}
	return {
		months: r.repeatMonths,
		editable,
		previous: previous ? { id: previous.id, name: previous.name } : null,
		next: next ? { id: next.id, name: next.name, startsAt: next.starts_at.toISOString() } : null,
		nextOpensAt
	};
}
