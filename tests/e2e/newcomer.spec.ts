import { test, expect } from '@playwright/test';
import { credential, expectAccessible, latestEmailTo, shoot, signIn, state } from './support';

test('a newcomer starts SOS, creates an organization, builds its tree, adds a user and imports a file', async ({ page }) => {
	// The terminal output of the first start names the URL and two generated accounts.
	expect(state().startupOutput).toContain('SOS is running at');
	const operator = credential(/operator/i);

	await signIn(page, operator.email, operator.password);
	await expect(page).toHaveURL(/\/operator$/);
	await expect(page.getByRole('heading', { name: 'Organizations' })).toBeVisible();
	await expectAccessible(page);

	await page.getByLabel('Name', { exact: true }).first().fill('Acme Sales AB');
	await page.getByLabel('Industry').selectOption('wholesale');
	await page.getByLabel('Country (two letters)').fill('se');
	await page.locator('#adminName').fill('Anna Admin');
	await page.locator('#adminEmail').fill('anna@acme.example');
	await page.getByRole('button', { name: 'Create organization' }).click();
	await expect(page.getByRole('status')).toContainText('Acme Sales AB');
	await expect(page.getByRole('cell', { name: /Acme Sales AB/ })).toBeVisible();
	await page.getByRole('button', { name: 'Sign out' }).first().click();
	await expect(page).toHaveURL(/signed-out/);

	// The first admin sets a password through the welcome email's link.
	const mail = latestEmailTo('anna@acme.example');
	const link = /https?:\/\/[^\s"<]+\/reset\/[a-z0-9]+/.exec(mail)![0];
	await page.goto(new URL(link).pathname);
	await page.getByLabel('New password', { exact: true }).fill('correct horse battery');
	await page.getByLabel('Repeat the new password').fill('correct horse battery');
	await page.getByRole('button', { name: 'Set password and sign in' }).click();
	await expect(page.getByRole('status')).toContainText('Your password is set');
	await signIn(page, 'anna@acme.example', 'correct horse battery');
	await expect(page.getByRole('heading', { name: 'Welcome, Anna Admin' })).toBeVisible();
	await expectAccessible(page);
	await shoot(page, 'home-admin');

	// An empty tree tells the newcomer what to do; then they build one.
	await page.getByRole('navigation', { name: 'Main navigation' }).first().getByRole('link', { name: 'Units' }).click();
	await expect(page.getByRole('heading', { name: 'No units yet' })).toBeVisible();
	await expectAccessible(page);
	await page.locator('#new-name').fill('Nordics');
	await page.getByRole('button', { name: 'Add unit' }).click();
	await expect(page.getByRole('status')).toContainText('Unit “Nordics” created.');
	await page.locator('#new-name').fill('Stockholm');
	await page.locator('#new-parent').selectOption({ label: 'Nordics' });
	await page.getByRole('button', { name: 'Add unit' }).click();
	await expect(page.getByRole('status')).toContainText('Unit “Stockholm” created.');
	await expect(page.getByRole('cell', { name: /Stockholm/ })).toBeVisible();
	await shoot(page, 'units');

	// One user by hand.
	await page.goto('/app/users/new');
	await expectAccessible(page);
	await page.getByLabel('Name').fill('Bo Berg');
	await page.getByLabel('Email').fill('bo@acme.example');
	await page.getByLabel('Unit').selectOption({ label: 'Nordics › Stockholm' });
	await page.getByLabel('Job role').selectOption('sales_person');
	await page.getByRole('button', { name: 'Add user' }).click();
	await expect(page.getByRole('status')).toContainText('bo@acme.example');
	await expect(page.getByRole('link', { name: 'Bo Berg' })).toBeVisible();

	// Import: the template, then a file with errors, then the fixed file.
	await page.goto('/app/users/import');
	await expectAccessible(page);
	const download = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Excel template (.xlsx)' }).click();
	expect((await download).suggestedFilename()).toBe('sos-users-template.xlsx');

	const header = 'name,email,language,business_area,region,team,job_role,user_type';
	const bad = [
		header,
		'Cecilia Ek,cecilia@acme,en,Nordics,Stockholm,,sales_person,participant',
		'Dan Holm,dan@acme.example,de,Nordics,Oslo,,sales_person,participant',
		'Eva Lund,dan@acme.example,en,Nordics,,Team X,sales_manager,viewer'
	].join('\n');
	await page.getByLabel(/File/).setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
	await page.getByRole('button', { name: 'Upload and preview' }).click();
	await expect(page.getByRole('heading', { name: 'Preview of people.csv' })).toBeVisible();
	await expect(page.getByRole('alert').first()).toContainText('Nothing has been imported');
	await expect(page.getByText(/not a valid/i)).toBeVisible();
	await expect(page.getByRole('button', { name: 'Apply import' })).toHaveCount(0);
	await expectAccessible(page);
	await shoot(page, 'import-errors');

	const good = [
		header,
		'Cecilia Ek,cecilia@acme.example,en,Nordics,Stockholm,,sales_person,participant',
		'Dan Holm,dan@acme.example,sv,Nordics,Oslo,,sales_person,participant',
		'Eva Lund,eva@acme.example,en,Nordics,Oslo,,sales_manager,viewer',
		'Bo Berg,bo@acme.example,en,Nordics,Stockholm,,sales_person,participant'
	].join('\n');
	await page.getByRole('link', { name: 'Upload another file' }).click();
	await page.getByLabel(/File/).setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
	await page.getByRole('button', { name: 'Upload and preview' }).click();
	await expect(page.getByRole('button', { name: 'Apply import' })).toBeVisible();
	await shoot(page, 'import-ready');
	await page.getByRole('button', { name: 'Apply import' }).click();
	await expect(page.getByRole('status').first()).toContainText('Import applied: 3 new users, 0 updated, 1 new unit.');

	await page.goto('/app/users');
	for (const name of ['Bo Berg', 'Cecilia Ek', 'Dan Holm', 'Eva Lund']) await expect(page.getByRole('link', { name })).toBeVisible();
	await page.goto('/app/units');
	await expect(page.getByRole('cell', { name: /Oslo/ })).toBeVisible();

	await page.goto('/app/audit');
	await expect(page.getByRole('cell', { name: 'Import applied' }).first()).toBeVisible();
	await expect(page.getByRole('cell', { name: 'Signed in', exact: true }).first()).toBeVisible();
	await expectAccessible(page);

	// A new organization is on a trial for up to 30 people: a file that would go over says so before it is applied, and is refused whole.
	const many = [header, ...Array.from({ length: 30 }, (_, i) => `Person ${i},person${i}@acme.example,en,Nordics,Oslo,,sales_person,participant`)].join('\n');
	await page.goto('/app/users/import');
	await page.getByLabel(/File/).setInputFiles({ name: 'many.csv', mimeType: 'text/csv', buffer: Buffer.from(many) });
	await page.getByRole('button', { name: 'Upload and preview' }).click();
	await expect(page.getByTestId('trial-limit')).toContainText('Your trial covers up to 30 people');
	await shoot(page, 'import-trial-limit');
	await page.getByRole('button', { name: 'Apply import' }).click();
	await expect(page.getByRole('alert').first()).toContainText('Your trial covers up to 30 people');
	await page.goto('/app/users');
	await expect(page.getByRole('link', { name: 'Person 0', exact: true })).toHaveCount(0);
});

test('the demo admin signs in with the printed password on a phone and switches to Swedish @phone', async ({ page }) => {
	const admin = credential(/demo/i);
	await signIn(page, admin.email, admin.password, { fresh: true });
	await expect(page.getByRole('note').filter({ hasText: 'Demo organization' })).toBeVisible();
	await expectAccessible(page);
	await shoot(page, `demo-home-${test.info().project.name}`);
	const menu = page.getByText('Menu');
	if (await menu.isVisible()) await menu.click();
	await page.getByRole('navigation', { name: 'Main navigation' }).filter({ visible: true }).getByRole('link', { name: 'Users', exact: true }).click();
	await expect(page.getByRole('heading', { name: 'Users', level: 1 })).toBeVisible();
	await expect(page.getByText(/Showing 1–/)).toBeVisible();
	await expectAccessible(page);
	await shoot(page, `demo-users-${test.info().project.name}`);
	await page.goto('/app/settings');
	await page
		.getByRole('button', { name: /Svenska/ })
		.first()
		.click();
	await expect(page.getByRole('heading', { name: 'Inställningar' })).toBeVisible();
	await page
		.getByRole('button', { name: /English/ })
		.first()
		.click();
	await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
});
