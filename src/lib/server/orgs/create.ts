import { z } from 'zod';
import { db, type Db } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/actor';
import { fields, parse } from '$lib/server/validation';
import { industries, sizeBands, salesModels } from '$lib/orgs';
import { recordAudit } from '$lib/server/audit/record';
import { issueEmailLink } from '$lib/server/auth/issue-link';
import { welcomeAdminEmail } from '$lib/server/email/templates';
import { sendEmail } from '$lib/server/email/send';
import { startTrial } from '$lib/server/billing/subscriptions';
import { dateIn } from '$lib/server/billing/dates';

export const organizationInput = z.strictObject({
	name: fields.name,
	industry: z.enum(industries, { message: 'Pick an industry from the list' }),
	country: z
		.string()
		.trim()
		.toUpperCase()
		.regex(/^[A-Z]{2}$/, 'Use a two-letter country code, e.g. SE'),
	sizeBand: z.enum(sizeBands, { message: 'Pick a company size from the list' }),
	salesModel: z.enum(salesModels, { message: 'Pick a sales model from the list' }),
	admin: z.strictObject({ name: fields.name, email: fields.email, language: fields.language.default('en') })
});

/** The operator creates an organization (on a trial) and its first admin, who gets a welcome email with a link to set a password. */
export async function createOrganization(opts: { actor: Actor; input: unknown; origin: string }, executor: Db = db()) {
	const input = parse(organizationInput, opts.input);
	const org = await executor.transaction().execute(async (trx) => {
		const org = await trx
			.insertInto('organizations')
			.values({ name: input.name, industry: input.industry, country: input.country, size_band: input.sizeBand, sales_model: input.salesModel })
			.returning(['id', 'name'])
			.executeTakeFirstOrThrow();
		await trx
			.insertInto('users')
			.values({ organization_id: org.id, name: input.admin.name, email: input.admin.email, language: input.admin.language, access: 'admin' })
			.execute();
		await startTrial({ organizationId: org.id, today: dateIn(new Date()) }, trx);
		await recordAudit({ organizationId: org.id, actor: opts.actor.label, action: 'organization_created', target: input.name }, trx);
		await recordAudit({ organizationId: org.id, actor: opts.actor.label, action: 'access_changed', target: input.admin.email, details: { to: 'admin' } }, trx);
		return org;
	});
	const minutes = 3 * 24 * 60;
	const link = await issueEmailLink({ kind: 'password_reset', email: input.admin.email, origin: opts.origin, minutes }, executor);
	await sendEmail({ to: input.admin.email, link, ...welcomeAdminEmail(input.admin.language, { link, organization: org.name, minutes }) });
	return org;
}
