import { test, expect } from '@playwright/test';
import { credential, expectAccessible, shoot, signIn } from './support';
import { bundleText, fixtureBundle, lineOf, uniqueModelId } from '../support/model-bundle';

/** Opens a link of the main navigation (behind "Menu" on a phone). */
async function navigate(page: import('@playwright/test').Page, name: string) {
	const menu = page.getByText('Menu');
	if (await menu.isVisible()) await menu.click();
	await page.getByRole('navigation', { name: 'Main navigation' }).filter({ visible: true }).getByRole('link', { name, exact: true }).click();
}

test('the operator uploads and publishes a model, and an admin can choose it for a new round @phone', async ({ page }) => {
	const project = test.info().project.name;
	// A model of its own per run and project: a published version can never be uploaded again.
	const id = uniqueModelId('handover');
	const good = await fixtureBundle(id);
	const broken = await fixtureBundle(id);
	broken.model.version = 'one';
	delete (broken.translations.sv as { areas: Record<string, { statements: Record<string, unknown> }> }).areas.handover.statements.handover_owner;
	(broken.translations.en as Record<string, unknown>).colour = 'blue';
	const brokenText = bundleText(broken);

	const operator = credential(/operator/i);
	await signIn(page, operator.email, operator.password);
	await navigate(page, 'Models');
	await expect(page.getByRole('heading', { name: 'Assessment models', level: 1 })).toBeVisible();
	await expect(page.getByRole('link', { name: 'SOS — Sales management 1.1', exact: true })).toBeVisible();
	await expectAccessible(page);

	// A broken file: nothing is saved, and every problem is listed with its line and column.
	await page.getByLabel('Bundle file (.json)').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(brokenText) });
	await page.getByRole('button', { name: 'Upload and check' }).click();
	await expect(page.getByRole('heading', { name: /broken\.json was not saved/ })).toBeVisible();
	const errors = page.getByRole('region', { name: /was not saved/ });
	const row = (where: string) => errors.getByRole('row').filter({ has: page.getByRole('cell', { name: new RegExp(`(^|\\s)${where}$`) }) });
	await expect(row(`${lineOf(brokenText, '"version": "one"')}:3`)).toContainText(/model\.version.*Must look like 1\.0/);
	await expect(row(`${lineOf(brokenText, '"colour"')}:4`)).toContainText(/translations\.en\.colour.*Unknown field "colour"/);
	await expect(errors.getByText('Problems found: 2')).toBeVisible();
	await expectAccessible(page);
	await shoot(page, `models-errors-${project}`);
	await expect(page.getByRole('link', { name: new RegExp(id) })).toHaveCount(0);

	// A good file becomes a draft, previewed as a participant sees it, in both languages.
	await page.getByLabel('Bundle file (.json)').setInputFiles({ name: `${id}.json`, mimeType: 'application/json', buffer: Buffer.from(bundleText(good)) });
	await page.getByRole('button', { name: 'Upload and check' }).click();
	await expect(page).toHaveURL(new RegExp(`/operator/models/${id}/1\\.0`));
	await expect(page.getByRole('heading', { name: 'Customer handover 1.0', level: 1 })).toBeVisible();
	await expect(page.getByRole('status')).toContainText('uploaded as a draft');
	await expect(page.getByText('Buyers, Sellers, Support')).toBeVisible();
	const preview = page.getByRole('region', { name: 'Preview as a participant sees it' });
	await expect(preview.getByRole('heading', { name: 'Handover' })).toBeVisible();
	await expect(preview.getByRole('group', { name: /written notes on what the customer was promised/ }).getByRole('radio')).toHaveCount(6);
	await expectAccessible(page);
	await shoot(page, `models-draft-${project}`);
	await preview.getByRole('link', { name: 'sv' }).click();
	await expect(preview.getByRole('heading', { name: 'Överlämning' })).toBeVisible();
	await expect(preview.getByText('Precis så vi arbetar').first()).toBeVisible();
	await preview.getByRole('link', { name: 'Next area' }).click();
	await expect(preview.getByRole('heading', { name: 'Uppföljning' })).toBeVisible();
	await shoot(page, `models-preview-sv-${project}`);

	// Publishing asks first; then the version is published for good.
	await page.getByRole('button', { name: 'Publish' }).click();
	const dialog = page.getByRole('dialog');
	await expect(dialog).toContainText('can never be changed or deleted');
	await dialog.getByRole('button', { name: 'Publish' }).click();
	await expect(page.getByRole('status')).toContainText('is published');
	await expect(page.getByRole('button', { name: 'Publish' })).toHaveCount(0);
	await expect(page.getByText('Published', { exact: true })).toBeVisible();

	// An admin of an organization now finds it among the models of a new round; it suggests its own rhythm.
	await page.context().clearCookies();
	const admin = credential(/demo/i);
	await signIn(page, admin.email, admin.password);
	await page.goto('/app/rounds/new');
	const model = page.getByLabel('Assessment model');
	await expect(model.locator(`option[value="${id}@1.0"]`)).toHaveText('Customer handover 1.0');
	await expect(model).toHaveValue('sos@1.1');
	await model.selectOption(`${id}@1.0`);
	await expect(page.getByLabel('How often')).toHaveValue('6');
	await expectAccessible(page);
	await shoot(page, `models-new-round-${project}`, { fullPage: false });
});
