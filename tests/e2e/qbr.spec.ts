import { test, expect, type Page } from '@playwright/test';
import { extractText, getDocumentProxy } from 'unpdf';
import { credential, expectAccessible, shoot, signIn, signInByLink } from './support';
import { demoPerson } from '../../src/lib/server/bootstrap/demo-data';
import { addMonths, lastClosedMonth } from '../../src/lib/kpis/month';
import { quarterKey, quarterOf } from '../../src/lib/kpis/quarter';

const admin = credential(/demo organization admin/);
/** The quarter of the demo's closed review (Gothenburg, the month before last), whose correction the pack lists. */
const quarter = quarterOf(addMonths(lastClosedMonth(new Date(), 'Europe/Stockholm'), -1));

async function pdfText(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
	const [download] = await Promise.all([page.waitForEvent('download'), click()]);
	const chunks: Buffer[] = [];
	for await (const c of await download.createReadStream()) chunks.push(c as Buffer);
	const { text } = await extractText(await getDocumentProxy(new Uint8Array(Buffer.concat(chunks))), { mergePages: true });
	return { name: download.suggestedFilename(), text: String(text).replace(/\s+/g, ' ') };
}

/**
 * The executives' page offers the quarterly business review pack: the demo admin chooses the quarter of
 * the demo's closed review and a unit (desktop: the whole organization; phone: Gothenburg), downloads the
 * PDF and finds the KPI status, the correction decided at Gothenburg's review and the SOS scores in it.
 */
test('the demo admin downloads the quarterly business review pack from the executives’ page @phone', async ({ page }, info) => {
	const phone = info.project.name === 'phone';
	await signIn(page, admin.email, admin.password);
	await page.goto('/app/kpis/agenda');
	const form = page.getByRole('region', { name: 'Quarterly business review pack' });
	await expect(form).toBeVisible();
	const quarterLabel = `Q${quarter.quarter} ${quarter.year}`;
	await form.getByLabel('Quarter').selectOption(quarterKey(quarter));
	await expect(form.getByLabel('Quarter').locator('option:checked')).toHaveText(new RegExp(`^${quarterLabel}`));
	const unit = phone ? 'Gothenburg' : 'Nordwind Industrial (demo)';
	const option = form.getByLabel('Unit').locator('option', { hasText: unit }).first();
	await form.getByLabel('Unit').selectOption((await option.getAttribute('value'))!);
	await expectAccessible(page);
	await shoot(page, `qbr-form-${info.project.name}`);

	const { name, text } = await pdfText(page, () => form.getByRole('button', { name: 'Download the pack (PDF)' }).click());
	expect(name).toMatch(new RegExp(`^sos-nordwind-industrial-demo-${phone ? 'gothenburg-' : ''}qbr-${quarterKey(quarter).toLowerCase()}\\.pdf$`));
	expect(text).toContain(`QUARTERLY BUSINESS REVIEW · ${quarterLabel}`.toUpperCase());
	expect(text).toContain(unit);
	expect(text).toMatch(/Generated \d{1,2} \w{3} \d{4}/);
	expect(text).toContain('Generated demo data');
	for (const heading of ['KPI status', 'Alarms and decisions of the quarter', 'SOS scores and their trend']) expect(text).toContain(heading);
	// Every alarmed KPI of the starter set with its status in words, for the quarter and the year to date.
	for (const kpi of ['Order intake', 'Sales', 'Gross margin', 'New customers', 'Pipeline coverage', 'Forecast accuracy', 'Customer meetings', 'Lost customers'])
		expect(text).toContain(kpi);
	expect(text).not.toContain('Pipeline value');
	expect(text).toMatch(/On plan|Behind plan|Well behind plan/);
	// The correction decided at Gothenburg's closed review, in the unit and in the organization above it.
	expect(text).toContain('Joint visits on the top deals');
	expect(text).toContain('Joint visits on the five largest open deals (generated)');
	// The SOS scores as the results show them, or the reason they are hidden for this unit.
	if (phone) expect(text).toMatch(/Forecasting|are hidden for Gothenburg/);
	else expect(text).toContain('Forecasting');
	expect(text).toMatch(/Page 1 of [12]/);
});

test('the pack needs a sign-in, refuses a quarter not begun, and finds no unit outside the viewer’s part of the tree', async ({ page }) => {
	expect((await page.request.get('/app/kpis/qbr', { maxRedirects: 0 })).status()).toBe(303);
	await signIn(page, admin.email, admin.password);
	expect((await page.request.get('/app/kpis/qbr?quarter=2999-Q1')).status()).toBe(400);
	expect((await page.request.get('/app/kpis/qbr?unit=00000000-0000-0000-0000-000000000000')).status()).toBe(404);
	const ok = await page.request.get(`/app/kpis/qbr?quarter=${quarterKey(quarter)}`);
	expect(ok.status()).toBe(200);
	expect(ok.headers()['content-type']).toBe('application/pdf');
	// The Nordics manager: Munich (Central Europe) is not theirs, Gothenburg is.
	await page.goto('/app/kpis/agenda');
	const unitOf = async (name: string) => (await page.locator('#qbr-unit option', { hasText: name }).first().getAttribute('value'))!;
	const [munich, gothenburg] = [await unitOf('Munich'), await unitOf('Gothenburg')];
	await page.context().clearCookies();
	await signInByLink(page, demoPerson(0).email);
	expect((await page.request.get(`/app/kpis/qbr?unit=${munich}`)).status()).toBe(404);
	expect((await page.request.get('/app/kpis/qbr?unit=organization')).status()).toBe(404);
	expect((await page.request.get(`/app/kpis/qbr?unit=${gothenburg}`)).status()).toBe(200);
});
