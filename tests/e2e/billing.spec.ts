import { test, expect, type Browser } from '@playwright/test';
import { credential, expectAccessible, shoot, signIn, signInByLink } from './support';

/** The operator, signed in on a page of their own. */
async function operatorPage(browser: Browser) {
	const page = await (await browser.newContext()).newPage();
	const operator = credential(/operator/i);
	await signIn(page, operator.email, operator.password);
	return page;
}

test('the operator starts a subscription, an admin adds a person and sees the pro-rata line, and once it ends cannot launch a round @phone', async ({
	page,
	browser
}) => {
	const device = test.info().project.name;
	const orgName = `Billing ${device} AB`;
	const adminEmail = `billing-${device}@customer.example`;
	const op = await operatorPage(browser);

	// The seller's details and a minimum of one user (so that one person added needs a seat of their own).
	await op.goto('/operator/billing');
	await op.locator('#minimumUsers').fill('1');
	await op.locator('#seller-name').fill('SOS Sverige AB');
	await op.locator('#seller-email').fill('billing@sos.example');
	await op.locator('#seller-address').fill('Storgatan 1\n111 22 Stockholm');
	await op.locator('#seller-country').fill('SE');
	await op.locator('#seller-orgno').fill('556000-0000');
	await op.locator('#seller-vat').fill('SE556000000001');
	await op.locator('#seller-bankgiro').fill('123-4567');
	await op.getByLabel('Exchange rate (SEK per EUR)').fill('11.2345');
	await op.getByRole('button', { name: 'Save changes' }).click();
	await expect(op.getByRole('status').first()).toContainText('Saved.');
	await expect(op.getByLabel('Exchange rate (SEK per EUR)')).toHaveValue('11.2345');
	await expectAccessible(op);
	await shoot(op, `billing-operator-${device}`);

	// A new customer starts on a trial; the operator starts its subscription.
	await op.goto('/operator');
	await op.getByLabel('Name', { exact: true }).first().fill(orgName);
	await op.getByLabel('Industry').selectOption('wholesale');
	await op.getByLabel('Country (two letters)').fill('se');
	await op.locator('#adminName').fill('Bea Billing');
	await op.locator('#adminEmail').fill(adminEmail);
	await op.getByRole('button', { name: 'Create organization' }).click();
	await expect(op.getByRole('status')).toContainText(orgName);
	await op.goto('/operator/billing');
	await op.getByRole('link', { name: orgName }).click();
	await expect(op.getByRole('heading', { level: 1 })).toContainText(orgName);
	// It started three weeks ago (the customer signed then): a person added today is billed pro rata.
	await op.locator('#startsOn').fill(new Date(Date.now() - 21 * 86_400_000).toISOString().slice(0, 10));
	await op.getByRole('button', { name: 'Start a subscription' }).click();
	await expect(op.getByRole('status').first()).toContainText('Subscription started. Invoices issued: 1.');
	await expectAccessible(op);
	await shoot(op, `billing-operator-org-${device}`);

	// The admin adds a person; the next invoice shows them from today, pro rata.
	await signInByLink(page, adminEmail);
	await page.goto('/app/users/new');
	await page.getByLabel('Name').fill('Nils Ny');
	await page.getByLabel('Email').fill(`nils-${device}@customer.example`);
	await page.getByRole('button', { name: 'Add user' }).click();
	await expect(page.getByRole('status')).toContainText(`nils-${device}@customer.example`);
	await page.goto('/app/billing');
	await expect(page.getByRole('heading', { name: 'Users counted: 2' })).toBeVisible();
	const next = page.getByRole('region', { name: 'Next invoice' });
	await expect(next).toContainText(/users added/);
	await expect(next.getByRole('row').filter({ hasText: /\d+ \/ 36[56]/ })).toHaveCount(1);
	await expect(page.getByRole('link', { name: /PDF/ }).first()).toBeVisible();
	await expectAccessible(page);
	await shoot(page, `billing-admin-${device}`);

	// The operator ends the subscription today: the admin cannot launch a round, and is told why.
	await op.reload();
	await op.getByLabel('Ends').selectOption('today');
	await op.getByRole('button', { name: 'Save changes' }).click();
	await op.getByRole('dialog').getByRole('button', { name: 'End today' }).click(); // it asks first, in the page
	await expect(op.getByRole('status').first()).toContainText('Saved.');
	await page.goto('/app/rounds/new');
	// Every page tells the admin before they try, with the way to billing.
	const banner = page.locator('.billing-banner');
	await expect(banner).toContainText('Your subscription ended on');
	await expect(banner.getByRole('link', { name: 'Go to billing' })).toHaveAttribute('href', '/app/billing');
	await shoot(page, `billing-lapsed-banner-${device}`);
	await page.getByLabel('Name', { exact: true }).fill('After the end');
	await page.getByRole('button', { name: 'Launch round' }).click();
	const ask = page.getByRole('dialog', { name: 'Please confirm' });
	if (await ask.isVisible()) await ask.getByRole('button', { name: 'Launch round' }).click();
	await expect(page.getByRole('alert')).toContainText('Your subscription has ended, so no new round can start.');
	await op.context().close();
});
