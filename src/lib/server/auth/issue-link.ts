import { db, type Db } from '$lib/server/db';
import { generateToken, hashToken } from './tokens';

/** Creates (if needed) the account for an email and a one-time token for it; returns the link. */
export async function issueEmailLink(
	opts: { kind: 'magic_link' | 'password_reset'; email: string; origin: string; minutes: number },
	executor: Db = db()
): Promise<string> {
	await executor
		.insertInto('accounts')
		.values({ email: opts.email })
		.onConflict((oc) => oc.column('email').doNothing())
		.execute();
	const account = await executor.selectFrom('accounts').select('id').where('email', '=', opts.email).executeTakeFirstOrThrow();
	const token = generateToken();
	await executor
		.insertInto('one_time_tokens')
		.values({ id: hashToken(token), kind: opts.kind, account_id: account.id, expires_at: new Date(Date.now() + opts.minutes * 60_000) })
		.execute();
	return `${opts.origin}/${opts.kind === 'magic_link' ? 'signin/link' : 'reset'}/${token}`;
}
