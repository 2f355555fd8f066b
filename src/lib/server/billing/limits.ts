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
	const sub = await executor
		.selectFrom('subscriptions')
		.select(['plan', 'trial_ends_on', 'trial_user_limit'])
		.where('organization_id', '=', opts.organizationId)
		.forUpdate()
		.executeTakeFirst();
	if (sub?.plan !== 'trial' || sub.trial_ends_on! <= dateIn(opts.now ?? new Date())) return;
	const { count } = await executor
		.selectFrom('users')
		.select((eb) => eb.fn.countAll<number>().as('count'))
		.where('organization_id', '=', opts.organizationId)
		.executeTakeFirstOrThrow();
	if (Number(count) + opts.adding > sub.trial_user_limit!) throw new TrialLimitError(sub.trial_user_limit!);
}
