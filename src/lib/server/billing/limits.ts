import { db, type Db } from '$lib/server/db';
import { ConflictError } from '$lib/server/errors';
import { dateIn } from './dates';

/** A trial covers a limited number of people: adding more asks the admin to subscribe. */
export class TrialLimitError extends ConflictError {
	constructor(readonly limit: number) {
		super(
			'trial_user_limit',
			`Your trial covers up to ${limit} people. To add more, subscribe: see Billing under Settings, or ask us to start your subscription. Nothing was added.`
		);
	}
}

/**
 * Refuses adding `adding` people where the organization is on a running trial and would then have more
 * people than it covers. An organization already above the limit (its trial's limit was lowered) can
 * add no one, but keeps everyone it has. In a transaction (an import) the check holds the subscription's
 * row lock, so two imports at once cannot both take the last places.
 */
export async function assertTrialRoom(opts: { organizationId: string; adding: number; now?: Date }, executor: Db = db()): Promise<void> {
	if (opts.adding <= 0) return;
	const room = await trialRoom({ ...opts, lock: true }, executor);
	if (room && room.users + opts.adding > room.limit) throw new TrialLimitError(room.limit);
}

/**
 * The organization's running trial as room for people: its limit and how many active people it has now; null
 * when it is not on a running trial (no limit applies). `lock` holds the subscription's row until the
 * transaction ends.
 */
export async function trialRoom(
	opts: { organizationId: string; now?: Date; lock?: boolean },
	executor: Db = db()
): Promise<{ limit: number; users: number } | null> {
	let q = executor.selectFrom('subscriptions').select(['plan', 'trial_ends_on', 'trial_user_limit']).where('organization_id', '=', opts.organizationId);
	if (opts.lock) q = q.forUpdate();
	const sub = await q.executeTakeFirst();
	if (sub?.plan !== 'trial' || sub.trial_ends_on! <= dateIn(opts.now ?? new Date())) return null;
	const { count } = await executor
		.selectFrom('users')
		.select((eb) => eb.fn.countAll<number>().as('count'))
		.where('organization_id', '=', opts.organizationId)
		.where('deactivated_at', 'is', null)
		.executeTakeFirstOrThrow();
	return { limit: sub.trial_user_limit!, users: Number(count) };
}
