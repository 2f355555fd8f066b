import { test, expect, type Browser, type Page } from '@playwright/test';
import { credential, expectAccessible, shoot, signIn, signInByLink } from './support';

/** Waits until SvelteKit has started on the page, so that what is typed next is not reset by hydration. */
async function hydrated(page: Page) {
	await expect.poll(() => page.evaluate(() => Boolean((history.state as Record<string, unknown> | null)?.['sveltekit:history']))).toBe(true);
}

/** The operator, signed in on a page of their own. */
async function operatorPage(browser: Browser) {
	const page = await (await browser.newContext()).newPage();
	const operator = credential(/operator/i);
	await signIn(page, operator.email, operator.password);
	return page;
}

test('an admin erases a person, sets retention and downloads everything; the operator schedules the deletion and cancels it @phone', async ({
	page,
	browser
}) => {
	const device = test.info().project.name;
	const orgName = `Rights ${device} AB`;
	const adminEmail = `rights-${device}@customer.example`;
	const personEmail = `erik-${device}@customer.example`;
	const op = await operatorPage(browser);
	await op.goto('/operator');
	await hydrated(op);
	await op.getByLabel('Name', { exact: true }).first().fill(orgName);
	await op.getByLabel('Industry').selectOption('wholesale');
	await op.getByLabel('Country (two letters)').fill('se');
	await op.locator('#adminName').fill('Rut Rights');
	await op.locator('#adminEmail').fill(adminEmail);
	await op.getByRole('button', { name: 'Create organization' }).click();
	// The answer, success or error, says what happened.
	await expect(op.locator('.alert').first()).toContainText(orgName);

	// The admin adds a person, then erases them at their request.
	await signInByLink(page, adminEmail);
	await page.goto('/app/users/new');
	await hydrated(page);
	await page.getByLabel('Name').fill('Erik Eraseme');
	await page.getByLabel('Email').fill(personEmail);
	await page.getByRole('button', { name: 'Add user' }).click();
	await expect(
		page.getByRole('status'),
		await page
			.locator('.alert-error, .field-error')
			.allInnerTexts()
			.then((t) => t.join(' '))
	).toContainText(personEmail);
	await page
		.getByRole('link', { name: /Erik Eraseme/ })
		.first()
		.click();
	const erase = page.getByRole('region', { name: 'Erase personal data' });
	await expect(erase).toContainText('Stays, without their name');
	await erase.getByLabel(/To confirm, type their email address/).fill('someone-else@customer.example');
	await erase.getByRole('button', { name: 'Erase personal data' }).click();
	await expect(erase.locator('.field-error')).toContainText('Type the person’s email address to confirm.');
	// The other sections' answers leave the edit form as it was.
	await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Erik Eraseme');
	const access = page.getByRole('region', { name: 'Access to SOS' });
	await access.getByRole('button', { name: 'Deactivate' }).click();
	await expect(access.getByRole('status')).toHaveText('Deactivated.');
	await expect(page.getByText('Deactivated: cannot sign in')).toBeVisible();
	await access.getByRole('button', { name: 'Reactivate' }).click();
	await expect(access.getByRole('status')).toHaveText('Reactivated.');
	await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Erik Eraseme');
	await expectAccessible(page);
	await shoot(page, `erase-${device}`);
	await erase.getByLabel(/To confirm, type their email address/).fill(personEmail);
	await erase.getByRole('button', { name: 'Erase personal data' }).click();
	await expect(page).toHaveURL(/\/app\/users\?done=erased$/);
	await expect(page.getByRole('status')).toContainText('personal data was erased');
	await expect(page.getByText(personEmail)).toHaveCount(0);

	// Settings → Data and privacy: retention kept, and the whole organization as a zip.
	await page.goto('/app/settings');
	await page.getByRole('link', { name: /Data and privacy/ }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Data and privacy');
	await page.getByLabel('Audit log, months').fill('24');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.getByRole('status')).toContainText('Saved.');
	await expect(page.getByLabel('Audit log, months')).toHaveValue('24');
	const download = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Download all data (zip)' }).click();
	expect((await download).suggestedFilename()).toMatch(new RegExp(`^sos-rights-${device}-ab-data-\\d{4}-\\d{2}-\\d{2}\\.zip$`));
	await expectAccessible(page);
	await shoot(page, `data-rights-${device}`);

	// The operator schedules the organization's deletion: its admin sees the date; then it is cancelled.
	await op.goto('/operator');
	await op.getByRole('link', { name: `Delete… ${orgName}` }).click();
	await op.getByLabel(/To confirm, type the organization's name/).fill(orgName);
	await op.getByRole('button', { name: 'Delete in 30 days' }).click();
	await expect(op.getByRole('status')).toContainText('Everything will be deleted on');
	await expectAccessible(op);
	await shoot(op, `org-deletion-${device}`);
	await page.reload();
	await expect(page.getByRole('alert')).toContainText('will be deleted on');
	await op.getByRole('button', { name: 'Cancel the deletion' }).click();
	await expect(op.getByRole('heading', { name: 'Request deletion' })).toBeVisible();
	await page.reload();
	await expect(page.getByRole('alert')).toHaveCount(0);
});
