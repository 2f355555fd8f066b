import { test, expect } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import { credential, expectAccessible, shoot, signIn } from './support';

const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

/**
 * The demo organization is shared with the other journeys: this one adds no one. Its SCIM request sets an
 * externalId (which no page shows) on one person, and its token is revoked at the end.
 */
test('an admin creates a SCIM token, sees it once, and sees the event after Entra calls @phone', async ({ page }) => {
	const device = test.info().project.name;
	const admin = credential(/admin/i);
	await signIn(page, admin.email, admin.password);
	await page.goto('/app/settings');
	await page.getByRole('link', { name: 'Set up provisioning' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Provisioning (SCIM)' })).toBeVisible();
	await expect(page.getByText(/\/scim\/v2$/)).toBeVisible();

	await page.getByRole('button', { name: /Create (a new )?token/ }).click();
	const secret = page.getByTestId('scim-secret');
	await expect(secret).toHaveText(/^scim_[a-z2-7]+_[a-z2-7]+$/);
	const token = (await secret.textContent())!;
	await expectAccessible(page);
	await shoot(page, `provisioning-token-${device}`);
	// Shown once: not after a reload.
	await page.reload();
	await expect(page.getByTestId('scim-secret')).toHaveCount(0);
	await expect(page.getByText(token)).toHaveCount(0);

	// Entra's first calls: who is there, then a change to one person.
	const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/scim+json' };
	const list = await page.request.get('/scim/v2/Users?startIndex=1&count=1', { headers });
	expect(list.status()).toBe(200);
	const person = (await list.json()).Resources[0];
	const patched = await page.request.patch(`/scim/v2/Users/${person.id}`, {
		headers,
		data: { schemas: [PATCH_OP], Operations: [{ op: 'Replace', path: 'externalId', value: `e2e-${device}-${randomUUID()}` }] }
	});
	expect(patched.status()).toBe(200);

	await page.reload();
	const events = page.getByRole('region', { name: 'Last events' });
	await expect(events.getByRole('row').nth(1)).toContainText('Updated');
	await expect(events.getByRole('row').nth(1)).toContainText(person.displayName);
	await expectAccessible(page);
	await shoot(page, `provisioning-${device}`);

	// The token revoked (the only live one: each run revokes its own): Entra gets 401.
	await page.getByRole('button', { name: /^Revoke/ }).click();
	await expect(page.getByRole('button', { name: /^Revoke/ })).toHaveCount(0);
	expect((await page.request.get('/scim/v2/Users', { headers })).status()).toBe(401);
});
