import { test, expect, type Page } from '@playwright/test';
import { credential, expectAccessible, shoot, signIn } from './support';

/** Where the e-mail addresses in the page wrap other than before "@" or "." or after "-" (a break mid-word). */
function midWordBreaks(page: Page) {
	return page.locator('.email').evaluateAll((els) =>
		els.flatMap((el) =>
			[...el.childNodes]
				.filter((n) => n.nodeType === Node.TEXT_NODE && n.textContent)
				.flatMap((n) => {
					// The line each character is on; a new line may only start after a hyphen inside one piece.
					const text = n.textContent ?? '';
					const range = document.createRange();
					const top = (i: number) => {
						range.setStart(n, i);
						range.setEnd(n, i + 1);
						return Math.round(range.getBoundingClientRect().top);
					};
					const breaks: string[] = [];
					for (let i = 1; i < text.length; i++) if (top(i) > top(i - 1) && text[i - 1] !== '-') breaks.push(`${text.slice(0, i)}|${text.slice(i)}`);
					return breaks;
				})
		)
	);
}

async function chooseLanguage(page: Page, name: 'Svenska' | 'English') {
	const menu = page.getByText(/^(Menu|Meny)$/);
	if (await menu.isVisible()) await menu.click();
	await page
		.getByRole('button', { name: new RegExp(`: ${name}$`) })
		.filter({ visible: true })
		.click();
}

test('a long e-mail address wraps only before its @ and dots, also on a phone @phone', async ({ page }) => {
	const device = test.info().project.name;
	const admin = credential(/demo/i);
	await signIn(page, admin.email, admin.password);
	const email = `karl-johan.andersson-lindqvist.${device}@northern-distribution-partners.example`;
	await page.goto('/app/users/new');
	await page.getByLabel('Name', { exact: true }).fill(`Karl-Johan Andersson-Lindqvist ${device}`);
	await page.getByLabel('Email').fill(email);
	await page.getByRole('button', { name: 'Add user' }).click();
	await expect(page.getByRole('status')).toContainText(email);

	await page.goto(`/app/users?q=${encodeURIComponent('andersson-lindqvist.' + device)}`);
	await expect(page.locator('.email', { hasText: 'karl-johan' })).toHaveAttribute('title', email);
	expect(await midWordBreaks(page)).toEqual([]);
	// Nothing to scroll sideways.
	expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
	await expectAccessible(page);
	await shoot(page, `users-long-email-${device}`);

	// Deleting asks in the page (no native dialog), and Cancel leaves the user alone.
	await page.getByRole('link', { name: `Karl-Johan Andersson-Lindqvist ${device}` }).click();
	await page.getByRole('button', { name: 'Delete' }).click();
	const ask = page.getByRole('dialog', { name: 'Please confirm' });
	await expect(ask).toContainText(`Delete Karl-Johan Andersson-Lindqvist ${device}?`);
	await expectAccessible(page);
	await ask.getByRole('button', { name: 'Cancel' }).click();
	await expect(ask).toBeHidden();
	await expect(page.getByRole('heading', { name: 'Edit user' })).toBeVisible();
	await page.getByRole('button', { name: 'Delete' }).click();
	await ask.getByRole('button', { name: 'Delete' }).click();
	await expect(page.getByRole('status')).toContainText(`User ${email} deleted.`);
});

test('the Swedish header shows the whole organization name, or wraps it with the name in its title', async ({ page }) => {
	const admin = credential(/demo/i);
	await signIn(page, admin.email, admin.password);
	await chooseLanguage(page, 'Svenska');
	await expect(page.getByRole('navigation', { name: 'Huvudnavigering' }).first()).toBeVisible();
	const org = page.locator('header .org');
	const name = (await org.getAttribute('title')) ?? '';
	expect(name).toMatch(/Nordwind/);
	// Not cut: all of it fits in the (at most two) lines it has.
	expect(await org.evaluate((el) => el.scrollWidth <= el.clientWidth && el.scrollHeight <= el.clientHeight)).toBe(true);
	await expect(org).toHaveText(name);
	await shoot(page, 'header-sv');
	await chooseLanguage(page, 'English');
	await expect(page.getByRole('navigation', { name: 'Main navigation' }).first()).toBeVisible();
});

test('deleting a unit and archiving a question ask in the page; Escape and Cancel leave them alone', async ({ page }) => {
	const admin = credential(/demo/i);
	await signIn(page, admin.email, admin.password);
	await page.goto('/app/units');
	await page.locator('summary', { hasText: /Stockholm$/ }).click();
	await page.getByRole('button', { name: /^Delete\s*:\s*Stockholm$/ }).click();
	const ask = page.getByRole('dialog', { name: 'Please confirm' });
	await expect(ask).toContainText('Delete the unit “Stockholm”?');
	await expect(ask.getByRole('button', { name: 'Cancel' })).toBeFocused();
	await expectAccessible(page);
	await shoot(page, 'units-delete-confirm');
	await page.keyboard.press('Escape');
	await expect(ask).toBeHidden();
	await page.reload();
	await expect(page.getByRole('cell', { name: /Stockholm/ }).first()).toBeVisible();

	await page.goto('/app/questions');
	const archive = page.getByRole('button', { name: /^Archive\s*:/ }).first();
	if ((await archive.count()) === 0) return; // the demo has no questions of its own to archive
	await archive.click();
	await expect(ask).toContainText('New rounds can no longer include it');
	await ask.getByRole('button', { name: 'Cancel' }).click();
	await expect(ask).toBeHidden();
	await expect(archive).toBeVisible();
});
