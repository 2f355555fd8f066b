import { randomUUID } from 'node:crypto';
import { test, expect, type Browser, type Page } from '@playwright/test';
import { expectAccessible, shoot, signIn, state } from './support';
import { startTestIdp, type TestIdp } from '../support/oidc-provider';

/**
 * Single sign-on as people walk it, against a real OpenID Connect provider started here. Each journey uses an
 * organization of its own (the demo's trial and its sign-in settings stay as the other journeys expect them).
 */
let idp: TestIdp;
test.beforeAll(async () => {
	idp = await startTestIdp({ redirectUris: () => [`${state().baseUrl}/signin/sso/callback`] });
});
test.afterAll(async () => {
	await idp?.stop();
});

const PASSWORD = 'sso journey password';

/** A new organization with an admin who has a password and a viewer who will sign in through the provider. */
async function seedOrganization() {
	process.env.DATABASE_URL = state().databaseUrl;
	const { db } = await import('../../src/lib/server/db');
	const { hashPassword } = await import('../../src/lib/server/auth/passwords');
	const domain = `e2e-${randomUUID().slice(0, 8)}.test`;
	const org = await db()
		.insertInto('organizations')
		.values({ name: `Single sign-on ${domain}`, industry: 'manufacturing', country: 'SE', size_band: '50-199', sales_model: 'field' })
		.returning('id')
		.executeTakeFirstOrThrow();
	const admin = { name: 'Ada Admin', email: `ada@${domain}` };
	const viewer = { name: 'Vera Viewer', email: `vera@${domain}` };
	const unit = await db().insertInto('units').values({ organization_id: org.id, name: 'Sales Nordics' }).returning('id').executeTakeFirstOrThrow();
	await db()
		.insertInto('users')
		.values([
			{ organization_id: org.id, ...admin, language: 'en', access: 'admin', unit_id: unit.id },
			{ organization_id: org.id, ...viewer, language: 'en', access: 'viewer', unit_id: unit.id, scope_unit_id: unit.id }
		])
		.execute();
	await db()
		.insertInto('accounts')
		.values({ email: admin.email, password_hash: await hashPassword(PASSWORD) })
		.execute();
	const account = `vera-${domain}`;
	idp.accounts.set(account, { email: viewer.email, email_verified: true, name: viewer.name });
	return { domain, admin, viewer, account };
}

/** The admin connects the provider on Settings → Single sign-on. */
async function connect(page: Page, o: { domain: string }, opts: { screenshots?: string } = {}) {
	await page.goto('/app/settings');
	await page.getByRole('link', { name: 'Set up single sign-on' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Single sign-on' })).toBeVisible();
	await expect(page.getByText('No identity provider is connected.')).toBeVisible();
	await expectAccessible(page);
	if (opts.screenshots) await shoot(page, `${opts.screenshots}-empty`);
	await page.getByLabel('OpenID Connect (any provider)').check();
	await page.getByLabel('Issuer URL').fill(idp.issuer);
	await page.getByLabel('Application (client) id').fill(idp.clientId);
	await page.getByLabel('Client secret').fill(idp.clientSecret);
	await page.getByLabel('Email domains').fill(o.domain);
	await page.getByRole('button', { name: 'Connect', exact: true }).click();
	await expect(page.getByText('Single sign-on saved.')).toBeVisible();
	await expect(page.getByText('A secret is set.')).toBeVisible();
	await expect(page.getByText(idp.clientSecret)).toHaveCount(0);
	await expect(page.getByLabel('Client secret')).toHaveValue('');
	await expectAccessible(page);
}

/** Requires single sign-on, with the admin as the break-glass admin. */
async function requireSso(page: Page, o: { admin: { name: string; email: string } }, on: boolean) {
	await page.goto('/app/settings/sso');
	await page.getByLabel(/Require single sign-on for this organization/).setChecked(on);
	if (on) await page.getByLabel('Break-glass admin').selectOption({ label: `${o.admin.name} (${o.admin.email})` });
	await page.getByRole('button', { name: 'Save changes' }).click();
	await expect(page.getByText('Single sign-on saved.')).toBeVisible();
}

/** A browser of the person's own (no admin session), with the project's viewport. */
async function personPage(browser: Browser, page: Page) {
	const context = await browser.newContext({ viewport: page.viewportSize(), isMobile: (page.viewportSize()?.width ?? 1280) < 600, hasTouch: true });
	return context.newPage();
}

test('an admin connects the provider; a person signs in through it; required, it hides the password form for them', async ({ page, browser }, info) => {
	const o = await seedOrganization();
	const tag = info.project.name;
	await signIn(page, o.admin.email, PASSWORD, { fresh: true });
	await connect(page, o, { screenshots: `sso-settings-${tag}` });
	await expect(page.getByText(`${state().baseUrl}/signin/sso/callback`)).toBeVisible();
	await shoot(page, `sso-settings-connected-${tag}`);

	// The person types their email: single sign-on becomes the way in; the provider sends them back signed in.
	const person = await personPage(browser, page);
	await person.goto('/signin');
	await person.getByLabel('Email').fill(o.viewer.email);
	const continueSso = person.getByRole('button', { name: 'Continue with single sign-on' });
	await expect(continueSso).toHaveClass(/btn-primary/);
	await expect(person.getByLabel('Password')).toBeVisible();
	await expectAccessible(person);
	await shoot(person, `sso-signin-${tag}`);
	idp.signInAs(o.account);
	await continueSso.click();
	await person.waitForURL((u) => u.pathname.startsWith('/app'));
	await expect(person.getByText(o.viewer.name).first()).toBeVisible();
	await person.context().close();

	// Required: the password form is gone for the organization's people (the server refuses it too: tests/api/sso.test.ts).
	await requireSso(page, o, true);
	const again = await personPage(browser, page);
	await again.goto('/signin');
	await again.getByLabel('Email').fill(o.viewer.email);
	await expect(again.getByText('Your organization signs in with single sign-on.')).toBeVisible();
	await expect(again.getByLabel('Password')).toHaveCount(0);
	await expectAccessible(again);
	await shoot(again, `sso-signin-required-${tag}`);
	// The break-glass admin can still ask for the password field.
	await again.getByRole('button', { name: 'Use a password instead' }).click();
	await expect(again.getByLabel('Password')).toBeVisible();
	await again.context().close();

	// Off again, as the journey found it.
	await requireSso(page, o, false);
});

test('single sign-on on a phone: the settings form, the required sign-in, the way back from the provider @phone', async ({ page, browser }, info) => {
	const o = await seedOrganization();
	await signIn(page, o.admin.email, PASSWORD, { fresh: true });
	await connect(page, o);
	await requireSso(page, o, true);
	await shoot(page, `sso-settings-required-${info.project.name}`);

	const person = await personPage(browser, page);
	await person.goto('/signin');
	await person.getByLabel('Email').fill(o.viewer.email);
	await expect(person.getByLabel('Password')).toHaveCount(0);
	await shoot(person, `sso-signin-required-phone-${info.project.name}`);
	idp.signInAs(o.account);
	await person.getByRole('button', { name: 'Continue with single sign-on' }).click();
	await person.waitForURL((u) => u.pathname.startsWith('/app'));
	await expectAccessible(person);
	await person.context().close();

	// A refusal comes back to the single sign-on page with a message the person can act on.
	const refused = await personPage(browser, page);
	await refused.goto('/signin/sso?error=sso_wrong_tenant');
	await expect(refused.getByRole('alert')).toContainText('another Microsoft Entra tenant');
	await expect(refused.getByLabel('Work email')).toBeVisible();
	await expectAccessible(refused);
	await shoot(refused, `sso-refused-${info.project.name}`);
	await refused.context().close();
	await requireSso(page, o, false);
});
