import type { PageServerLoad } from './$types';
import { requireMemberPage } from '$lib/server/http/guards';
import { countUsers } from '$lib/server/users/queries';
import { countUnits } from '$lib/server/units/queries';
import { listRounds } from '$lib/server/rounds/queries';
import { adminZone } from './rounds/zone.server';
import { listResultRounds } from '$lib/server/results/list';
import { listActions } from '$lib/server/actions/queries';

export const load: PageServerLoad = async (event) => {
	const { organizationId, membership, actor } = requireMemberPage(event);
	const latest = membership.access === 'participant' ? null : ((await listResultRounds({ actor, limit: 1 }))[0] ?? null);
	const owned = membership.access === 'participant' ? [] : await listActions({ actor, filter: { mine: 'true', open: 'true' } });
	const mine = { open: owned.length, overdue: owned.filter((a) => a.overdue).length };
	if (membership.access !== 'admin') return { admin: false as const, name: membership.name, latest, mine };
	const [users, units, rounds, timeZone] = await Promise.all([
		countUsers({ organizationId }),
		countUnits({ organizationId }),
		listRounds({ organizationId }),
		adminZone(event.cookies, organizationId)
	]);
	return {
		admin: true as const,
		name: membership.name,
		latest,
		mine,
		users,
		unitCount: units,
		roundCount: rounds.length,
		timeZone,
		openRounds: rounds
			.filter((r) => r.status === 'open')
			.map((r) => ({
				id: r.id,
				name: r.name,
				endsAt: r.endsAt.toISOString(),
				k: r.minGroupSize,
				invited: r.invited,
				completed: r.invited >= r.minGroupSize ? r.completed : null
			}))
	};
};
