import type { PageServerLoad } from './$types';
import { requireMemberPage } from '$lib/server/http/guards';
import { countUsers } from '$lib/server/users/queries';
import { countUnits } from '$lib/server/units/queries';
import { listRounds } from '$lib/server/rounds/queries';
import { adminZone } from './rounds/zone.server';
import { listActions } from '$lib/server/actions/queries';
import { executiveHome } from '$lib/server/home/executive';
import { participantHome } from '$lib/server/home/participant';

/** Home: for admins and viewers the executive summary of the top unit they see; for everyone who answered, the round's publication and what their unit does about it. */
export const load: PageServerLoad = async (event) => {
	const { organizationId, membership, actor } = requireMemberPage(event);
	const locale = event.locals.locale;
	if (membership.access === 'participant') {
		return {
			admin: false as const,
			participant: true,
			name: membership.name,
			home: null,
			answered: await participantHome({ actor }),
			mine: { open: 0, overdue: 0 }
		};
	}
	// Viewers and admins answer too (a regional manager both answers and views): the same card closes their loop.
	const [home, owned, answered] = await Promise.all([
		executiveHome({ actor, locale }),
		listActions({ actor, filter: { mine: 'true', open: 'true' } }),
		participantHome({ actor })
	]);
	const mine = { open: owned.length, overdue: owned.filter((a) => a.overdue).length };
	if (membership.access !== 'admin') return { admin: false as const, participant: false, name: membership.name, home, answered, mine };
	const [users, units, rounds, timeZone] = await Promise.all([
		countUsers({ organizationId }),
		countUnits({ organizationId }),
		listRounds({ organizationId }),
		adminZone(event.cookies, organizationId)
	]);
	return {
		admin: true as const,
		participant: false,
		name: membership.name,
		home,
		answered,
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
