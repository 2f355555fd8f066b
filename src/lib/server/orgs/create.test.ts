import { describe, expect, inject, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { db } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/actor';
import { isLinkUsable, resetPassword } from '$lib/server/auth/email-links';
import { signInWithPassword } from '$lib/server/auth/sign-in';
import { ValidationError } from '$lib/server/errors';
import { uniqueEmail } from '$tests/fixtures';
import { emailsTo, linkIn, waitForEmail } from '../../../../tests/support/mailbox';
import { createOrganization } from './create';
import { listOrganizations } from './queries';

// The domain code in this worker sends through the test SMTP server.
process.env.SMTP_URL = inject('smtpUrl');

const operator: Actor = { accountId: null, email: 'operator@sos.example', isOperator: true, membership: null, via: 'session', label: 'operator@sos.example' };
const ORIGIN = 'https://sos.example.test';

function input(over: Record<string, unknown> = {}, admin: Record<string, unknown> = {}) {
	return {
		name: `Acme ${randomUUID().slice(0, 8)}`,
		industry: 'wholesale',
		country: 'se',
		sizeBand: '200-999',
		salesModel: 'inside',
		admin: { name: 'Ada Admin', email: uniqueEmail('first-admin'), ...admin },
		...over
	};
}

describe('createOrganization', () => {
	it('creates the organization and its first admin, who gets a welcome email to set a password', async () => {
		const i = input({}, { language: 'en' });
		const org = await createOrganization({ actor: operator, input: i, origin: ORIGIN });
		const saved = await db().selectFrom('organizations').selectAll().where('id', '=', org.id).executeTakeFirstOrThrow();
		expect(saved).toMatchObject({ name: i.name, industry: 'wholesale', country: 'SE', size_band: '200-999', sales_model: 'inside', is_demo: false });
		const admin = await db().selectFrom('users').selectAll().where('organization_id', '=', org.id).execute();
		expect(admin).toEqual([expect.objectContaining({ email: i.admin.email, name: 'Ada Admin', access: 'admin' })]);

		const mail = await waitForEmail(i.admin.email);
		expect(mail.subject).toBe(`Welcome to SOS — ${i.name}`);
		const link = linkIn(mail);
		expect(link.startsWith(`${ORIGIN}/reset/`)).toBe(true);
		expect(mail.html).toContain(link);
		const token = link.split('/').pop()!;
		expect(await isLinkUsable('password_reset', token)).toBe(true);
		const row = await db()
			.selectFrom('one_time_tokens')
			.innerJoin('accounts', 'accounts.id', 'one_time_tokens.account_id')
			.select(['expires_at', 'one_time_tokens.created_at'])
			.where('accounts.email', '=', i.admin.email)
			.executeTakeFirstOrThrow();
		expect(Math.round((row.expires_at.getTime() - row.created_at.getTime()) / 3_600_000)).toBe(72);

		// The admin follows the link, sets a password, and signs in to the new organization.
		await resetPassword({ token, password: 'my own password', ip: null });
		expect(await signInWithPassword({ email: i.admin.email, password: 'my own password', ip: null })).toMatchObject({ organizationId: org.id });

		const audit = await db()
			.selectFrom('audit_events')
			.select(['action', 'actor', 'target', 'details'])
			.where('organization_id', '=', org.id)
			.orderBy('id')
			.execute();
		expect(audit.slice(0, 2)).toEqual([
			{ action: 'organization_created', actor: 'operator@sos.example', target: i.name, details: {} },
			{ action: 'access_changed', actor: 'operator@sos.example', target: i.admin.email, details: { to: 'admin' } }
		]);
		expect((await listOrganizations()).find((o) => o.id === org.id)).toMatchObject({ name: i.name, userCount: 1, isDemo: false });
	});

	it('writes the welcome email in the admin’s language, and keeps names with markup as text', async () => {
		const i = input({ name: `<b>Bolaget</b> ${randomUUID().slice(0, 6)}` }, { language: 'sv' });
		await createOrganization({ actor: operator, input: i, origin: ORIGIN });
		const mail = await waitForEmail(i.admin.email);
		expect(mail.subject).toContain(i.name);
		expect(mail.subject).not.toMatch(/^Welcome/);
		expect(mail.html).not.toContain('<b>Bolaget</b>');
		expect(mail.html).toContain('&lt;b&gt;Bolaget&lt;/b&gt;');
	});

	it('refuses bad input with field messages, creating nothing and sending nothing', async () => {
		const cases = [
			input({ name: '' }),
			input({ name: 'x'.repeat(121) }),
			input({ industry: 'piracy' }),
			input({ country: 'Sweden' }),
			input({ sizeBand: 'huge' }),
			input({ salesModel: 'door-to-door' }),
			input({ extra: true }),
			input({}, { email: 'not-an-email' }),
			input({}, { name: '' }),
			input({}, { language: 'de' }),
			input({}, { role: 'owner' })
		];
		for (const c of cases) {
			await expect(createOrganization({ actor: operator, input: c, origin: ORIGIN }), JSON.stringify(c)).rejects.toBeInstanceOf(ValidationError);
			expect(await db().selectFrom('organizations').select('id').where('name', '=', String(c.name)).execute()).toEqual([]);
			if (typeof c.admin.email === 'string' && c.admin.email.includes('@')) expect(emailsTo(c.admin.email)).toEqual([]);
		}
	});
});
