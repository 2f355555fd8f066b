import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { db } from '$lib/server/db';
import { createTestActor, createTestOrganization } from '$tests/fixtures';
import { createPublishedRound } from '$tests/results';
import { MAX_ATTEMPTS, runPendingExports } from '$lib/server/exports/run';
import { MAX_PENDING } from '$lib/server/exports/request';
import { createApiToken } from '$lib/server/api-tokens/tokens';
import { baseUrl, call, sessionCookie } from '../support/http';
import { apiClient } from '../support/api-client';
import { auditActions } from './helpers';
import { emailsTo, waitForEmail } from '../support/mailbox';

/** Report exports over the API against the real server: asked for, made in the background, fetched only by the asker. */
async function setup() {
	const org = await createTestOrganization();
	const tree = {
		units: { Region: null, 'Team A': 'Region', 'Team B': 'Region' },
		respondents: { 'Team A': { sales_person: 6, sales_manager: 1 }, 'Team B': { sales_person: 6 } }
	};
	const round = await createPublishedRound({ organizationId: org.id, tree, seed: 21 });
	const teamA = round.unitIds['Team A'];
	const viewer = await createTestActor(org.id, 'viewer', teamA);
	const admin = await createTestActor(org.id, 'admin');
	return { org, round, teamA, teamB: round.unitIds['Team B'], viewer, cookie: await sessionCookie(viewer), adminCookie: await sessionCookie(admin) };
}

const exportsOf = (organizationId: string) =>
	db().selectFrom('report_exports').select(['id', 'status', 'requested_by', 'format']).where('organization_id', '=', organizationId).execute();

const as = (auth?: string | { cookie: string }) => apiClient(baseUrl(), auth);
const cookied = (cookie?: string) => as(cookie === undefined ? undefined : { cookie });
const exp = (id: string) => ({ params: { path: { id } } });

/** Polls an export until it is ready (or failed), for at most 30 s. */
async function untilReady(id: string, cookie: string) {
	const until = Date.now() + 30_000;
	for (;;) {
		const res = await cookied(cookie).GET('/exports/{id}', exp(id));
		expect(res.response.status).toBe(200);
		const data = res.data!;
		if (data.status === 'ready' || data.status === 'failed') return data;
		if (Date.now() > until) throw new Error(`export ${id} not ready after 30 s: ${JSON.stringify(data)}`);
		await new Promise((r) => setTimeout(r, 250));
	}
}

async function download(id: string, cookie?: string) {
	const res = await fetch(`${baseUrl()}/api/v1/exports/${id}/file`, { headers: cookie ? { cookie } : {} });
	return {
		status: res.status,
		type: res.headers.get('content-type'),
		disposition: res.headers.get('content-disposition'),
		cache: res.headers.get('cache-control'),
		body: Buffer.from(await res.arrayBuffer())
	};
}

const MAGIC: Record<string, { type: RegExp; starts: Buffer }> = {
	pdf: { type: /^application\/pdf$/, starts: Buffer.from('%PDF') },
	pptx: { type: /^application\/vnd\.openxmlformats-officedocument\.presentationml\.presentation$/, starts: Buffer.from('PK') },
	xlsx: { type: /^application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet$/, starts: Buffer.from('PK') },
	csv: { type: /^text\/csv/, starts: Buffer.from('\uFEFFtable,row,column,value', 'utf8') }
};

describe('exports API', () => {
	it('refuses a requester more exports at once than MAX_PENDING, and nothing is stored for the refused one', async () => {
		const s = await setup();
		for (let i = 0; i < MAX_PENDING; i++)
			await db()
				.insertInto('report_exports')
				.values({
					organization_id: s.org.id,
					requested_by: s.viewer.email,
					format: 'pdf',
					round_id: s.round.roundId,
					unit_key: s.teamA,
					status: 'running',
					heartbeat_at: new Date()
				})
				.execute();
		const refused = await cookied(s.cookie).POST('/exports', { body: { format: 'pdf', roundId: s.round.roundId, unitId: s.teamA } });
		expect(refused.response.status).toBe(409);
		expect(refused.error!.error.code).toBe('too_many_exports');
		expect(await exportsOf(s.org.id)).toHaveLength(MAX_PENDING);
	});

	it('takes over an export whose maker stopped beating, and gives up one that died too often', async () => {
		const s = await setup();
		const old = new Date(Date.now() - 10 * 60_000);
		const row = (status: 'running', attempts: number) =>
			db()
				.insertInto('report_exports')
				.values({
					organization_id: s.org.id,
					requested_by: s.viewer.email,
					format: 'csv',
					round_id: s.round.roundId,
					unit_key: s.teamA,
					status,
					attempts,
					started_at: old,
					heartbeat_at: old
				})
				.returning('id')
				.executeTakeFirstOrThrow();
		const stalled = await row('running', 1);
		const dead = await row('running', MAX_ATTEMPTS);
		await runPendingExports({ origin: baseUrl() });
		const after = async (id: string) => db().selectFrom('report_exports').select(['status', 'attempts']).where('id', '=', id).executeTakeFirstOrThrow();
		expect(await after(stalled.id)).toEqual({ status: 'ready', attempts: 2 });
		expect(await after(dead.id)).toEqual({ status: 'failed', attempts: MAX_ATTEMPTS });
		// The stalled maker, had it woken up, holds an older claim: its writes no longer match the row.
		const late = await db()
			.updateTable('report_exports')
			.set({ status: 'failed' })
			.where('id', '=', stalled.id)
			.where('status', '=', 'running')
			.where('attempts', '=', 1)
			.executeTakeFirst();
		expect(late.numUpdatedRows).toBe(0n);
	});

	it('is no longer readable once the viewer’s access no longer covers its unit', async () => {
		const s = await setup();
		const asked = await cookied(s.cookie).POST('/exports', { body: { format: 'csv', roundId: s.round.roundId, unitId: s.teamA } });
		await untilReady(asked.data!.id, s.cookie);
		await db().updateTable('users').set({ scope_unit_id: s.teamB }).where('id', '=', s.viewer.membership!.userId).execute();
		expect((await cookied(s.cookie).GET('/exports/{id}', exp(asked.data!.id))).response.status).toBe(404);
		expect((await download(asked.data!.id, s.cookie)).status).toBe(404);
		expect((await cookied(s.cookie).GET('/exports')).data!.exports).toEqual([]);
	});

	it('serves an integration with an API token: asked, polled and fetched with the same token only', async () => {
		const s = await setup();
		const admin = await createTestActor(s.org.id, 'admin');
		const { secret } = await createApiToken({ organizationId: s.org.id, actor: admin, input: { name: 'BI export' } });
		const other = (await createApiToken({ organizationId: s.org.id, actor: admin, input: { name: 'Other' } })).secret;
		const asked = await as(secret).POST('/exports', { body: { format: 'xlsx', roundId: s.round.roundId, unitId: 'organization' } });
		expect(asked.response.status).toBe(202);
		let status = asked.data!.status;
		for (let i = 0; i < 120 && status !== 'ready' && status !== 'failed'; i++) {
			await new Promise((r) => setTimeout(r, 250));
			status = (await as(secret).GET('/exports/{id}', exp(asked.data!.id))).data!.status;
		}
		expect(status).toBe('ready');
		const file = await fetch(`${baseUrl()}/api/v1/exports/${asked.data!.id}/file`, { headers: { authorization: `Bearer ${secret}` } });
		expect(file.status).toBe(200);
		expect(
			Buffer.from(await file.arrayBuffer())
				.subarray(0, 2)
				.toString()
		).toBe('PK');
		expect((await as(other).GET('/exports/{id}', exp(asked.data!.id))).response.status).toBe(404);
	});

	it('emails the link when asked to, once the file is ready, and only to the member who asked', async () => {
		const s = await setup();
		// One not to be emailed first: the maker decides on its email right after it is ready, so by the
		// time the emailed one, asked for after that, has been made and its email has come, this one's
		// would have come too.
		const plain = await cookied(s.cookie).POST('/exports', { body: { format: 'csv', roundId: s.round.roundId, unitId: s.teamA } });
		await untilReady(plain.data!.id, s.cookie);
		const asked = await cookied(s.cookie).POST('/exports', { body: { format: 'pdf', roundId: s.round.roundId, unitId: s.teamA, emailWhenReady: true } });
		expect(asked.response.status).toBe(202);
		await untilReady(asked.data!.id, s.cookie);
		const mail = await waitForEmail(s.viewer.email);
		expect(mail.subject).toBe('Your SOS report of Team A is ready');
		expect(mail.text).toContain(`/app/exports/${asked.data!.id}`);
		expect(mail.text).not.toMatch(/\d\.\d\d/); // the email carries the link, never figures
		expect(emailsTo(s.viewer.email)).toHaveLength(1);
	});

	it('makes each format in the background: 202, progress until ready, then the file for the member who asked', async () => {
		const s = await setup();
		for (const format of ['pdf', 'pptx', 'xlsx', 'csv'] as const) {
			const asked = await cookied(s.cookie).POST('/exports', { body: { format, roundId: s.round.roundId, unitId: s.teamA } });
			expect(asked.response.status, format).toBe(202);
			expect(asked.data).toMatchObject({ format, roundId: s.round.roundId, unitId: s.teamA });
			expect(['queued', 'running', 'ready']).toContain(asked.data!.status);
			expect(asked.response.headers.get('location')).toBe(`/api/v1/exports/${asked.data!.id}`);
			const ready = await untilReady(asked.data!.id, s.cookie);
			expect(ready, format).toMatchObject({ status: 'ready', progress: 1, error: null });
			expect(ready.filename).toMatch(new RegExp(`^sos-test-org-[a-z0-9]+-team-a-[a-z0-9-]*[a-z0-9]\\.${format}$`));
			const file = await download(asked.data!.id, s.cookie);
			expect(file.status, format).toBe(200);
			expect(file.type, format).toMatch(MAGIC[format].type);
			expect(file.disposition).toBe(`attachment; filename="${ready.filename}"`);
			expect(file.cache).toBe('private, no-store');
			expect(file.body.length, format).toBeGreaterThan(format === 'csv' ? 100 : 1000);
			expect(file.body.subarray(0, MAGIC[format].starts.length).equals(MAGIC[format].starts), format).toBe(true);
		}
		const listed = await cookied(s.cookie).GET('/exports');
		expect(listed.data!.exports.map((e) => e.format).sort()).toEqual(['csv', 'pdf', 'pptx', 'xlsx']);
		// Audit-logged, with the unit, the round and the format.
		const audit = (await auditActions(s.org.id)).filter((e) => e.action === 'report_exported');
		expect(audit).toHaveLength(4);
		expect(audit[0]).toMatchObject({ actor: s.viewer.email, target: expect.stringContaining('Team A · Round '), details: { format: 'pdf' } });
	});

	it('makes the wide CSV when asked: one row per unit the viewer may see, areas as columns, named -wide.csv; 400 for a wide layout of another format', async () => {
		const s = await setup();
		const asked = await cookied(s.cookie).POST('/exports', { body: { format: 'csv', layout: 'wide', roundId: s.round.roundId, unitId: s.teamA, lang: 'sv' } });
		expect(asked.response.status).toBe(202);
		expect(asked.data).toMatchObject({ format: 'csv', layout: 'wide' });
		const ready = await untilReady(asked.data!.id, s.cookie);
		expect(ready).toMatchObject({ status: 'ready', layout: 'wide' });
		expect(ready.filename).toMatch(/^sos-test-org-[a-z0-9]+-team-a-[a-z0-9-]*-wide\.csv$/);
		const file = await download(asked.data!.id, s.cookie);
		expect(file.status).toBe(200);
		const text = file.body.toString('utf8');
		expect(text.startsWith('\uFEFF')).toBe(true);
		const lines = text.slice(1).trimEnd().split('\r\n');
		// Swedish: semicolons and decimal commas; the team only (the viewer sees no unit above or beside it).
		expect(lines[0]).toMatch(/^Enhet;Svarande;/);
		expect(lines).toHaveLength(2);
		expect(lines[1]).toMatch(/^Team A;7;\d,\d\d;/);
		const long = await cookied(s.cookie).POST('/exports', { body: { format: 'csv', roundId: s.round.roundId, unitId: s.teamA } });
		expect(long.data).toMatchObject({ layout: 'long' });
		const bad = await call('POST', '/api/v1/exports', { cookie: s.cookie, json: { format: 'pdf', layout: 'wide', roundId: s.round.roundId, unitId: s.teamA } });
		expect(bad.status).toBe(400);
		expect(bad.data.error.message).toMatch(/layout/);
	});

	it('takes the report page’s "CSV (wide)" button as a CSV in wide layout, and its other buttons as before', async () => {
		const s = await setup();
		const press = (format: string) =>
			call('POST', '/app/exports', {
				cookie: s.cookie,
				body: new URLSearchParams({ format, roundId: s.round.roundId, unitId: s.teamA, compare: '', statistic: '' }),
				headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' }
			});
		const wide = await press('csv-wide');
		expect(wide.status).toBe(303);
		const wideId = wide.headers.get('location')!.split('/').pop()!;
		expect(await untilReady(wideId, s.cookie)).toMatchObject({ format: 'csv', layout: 'wide', status: 'ready' });
		const long = await press('csv');
		expect(long.status).toBe(303);
		expect((await cookied(s.cookie).GET('/exports/{id}', exp(long.headers.get('location')!.split('/').pop()!))).data).toMatchObject({
			format: 'csv',
			layout: 'long'
		});
		// Signed out: to the sign-in page, nothing stored.
		const before = (await exportsOf(s.org.id)).length;
		const out = await call('POST', '/app/exports', {
			body: new URLSearchParams({ format: 'csv-wide', roundId: s.round.roundId, unitId: s.teamA }),
			headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' }
		});
		expect([302, 303, 401]).toContain(out.status);
		expect((await exportsOf(s.org.id)).length).toBe(before);
	});

	it('is for the member who asked only: another member, even an admin of the organization, gets 404 for it and its file', async () => {
		const s = await setup();
		const asked = await cookied(s.cookie).POST('/exports', { body: { format: 'csv', roundId: s.round.roundId, unitId: s.teamA } });
		expect(asked.response.status).toBe(202);
		await untilReady(asked.data!.id, s.cookie);
		const colleague = await sessionCookie(await createTestActor(s.org.id, 'viewer', s.teamA));
		const other = await setup();
		for (const cookie of [s.adminCookie, colleague, other.adminCookie]) {
			expect((await cookied(cookie).GET('/exports/{id}', exp(asked.data!.id))).response.status).toBe(404);
			expect((await download(asked.data!.id, cookie)).status).toBe(404);
			expect((await cookied(cookie).GET('/exports')).data!.exports).toEqual([]);
		}
		expect((await cookied(s.cookie).GET('/exports/{id}', exp(randomUUID()))).response.status).toBe(404);
		expect((await cookied(s.cookie).GET('/exports/{id}', exp('not-an-id'))).response.status).toBe(404);
		expect((await download(randomUUID(), s.cookie)).status).toBe(404);
	});

	it('answers 404 for a unit or round outside the viewer’s reach and stores nothing; 400 naming a bad field; 401 signed out; 403 from another site', async () => {
		const s = await setup();
		const other = await setup();
		const before = (await exportsOf(s.org.id)).length;
		// Outside the viewer's subtree (a sibling team, the region above, the organization).
		for (const unitId of [s.teamB, s.round.unitIds['Region'], 'organization'])
			expect((await cookied(s.cookie).POST('/exports', { body: { format: 'pdf', roundId: s.round.roundId, unitId } })).response.status, unitId).toBe(404);
		// Another organization's round or unit.
		expect((await cookied(s.cookie).POST('/exports', { body: { format: 'pdf', roundId: other.round.roundId, unitId: s.teamA } })).response.status).toBe(404);
		expect((await cookied(s.adminCookie).POST('/exports', { body: { format: 'pdf', roundId: s.round.roundId, unitId: other.teamA } })).response.status).toBe(
			404
		);
		expect((await cookied(s.cookie).POST('/exports', { body: { format: 'pdf', roundId: randomUUID(), unitId: s.teamA } })).response.status).toBe(404);
		// Bad input (outside the OpenAPI types, or not JSON): raw calls.
		const bad = await call('POST', '/api/v1/exports', { cookie: s.cookie, json: { format: 'docx', roundId: s.round.roundId, unitId: s.teamA } });
		expect(bad.status).toBe(400);
		expect(bad.data.error.message).toMatch(/format/);
		expect(bad.data.error.message).toMatch(/pdf, pptx, xlsx, csv/);
		const noRound = await call('POST', '/api/v1/exports', { cookie: s.cookie, json: { format: 'pdf', roundId: 'latest', unitId: s.teamA } });
		expect(noRound.status).toBe(400);
		expect(noRound.data.error.message).toMatch(/roundId/);
		expect(
			(await call('POST', '/api/v1/exports', { cookie: s.cookie, json: { format: 'pdf', roundId: s.round.roundId, unitId: s.teamA, pages: 3 } })).status
		).toBe(400);
		expect((await call('POST', '/api/v1/exports', { cookie: s.cookie, body: 'format=pdf', headers: { 'content-type': 'text/plain' } })).status).toBe(400);
		// Signed out.
		expect((await as().POST('/exports', { body: { format: 'pdf', roundId: s.round.roundId, unitId: s.teamA } })).response.status).toBe(401);
		expect((await as().GET('/exports')).response.status).toBe(401);
		expect((await as().GET('/exports/{id}', exp(randomUUID()))).response.status).toBe(401);
		expect((await download(randomUUID())).status).toBe(401);
		// A cookie-authenticated request from another site.
		expect(
			(
				await call('POST', '/api/v1/exports', {
					cookie: s.cookie,
					json: { format: 'pdf', roundId: s.round.roundId, unitId: s.teamA },
					headers: { origin: 'https://evil.example' }
				})
			).status
		).toBe(403);
		expect(await exportsOf(s.org.id)).toHaveLength(before);
		expect((await auditActions(s.org.id)).filter((e) => e.action === 'report_exported')).toEqual([]);
	});

	it('is made by the sweep when the process that was to make it stopped (a row left queued)', async () => {
		const s = await setup();
		const row = await db()
			.insertInto('report_exports')
			.values({
				organization_id: s.org.id,
				requested_by: s.viewer.email,
				format: 'xlsx',
				round_id: s.round.roundId,
				unit_key: s.teamA,
				options: JSON.stringify({ compare: 'all', statistic: 'mean', locale: 'en' }),
				created_at: new Date(Date.now() - 60_000)
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		// The test server's scheduler runs the same sweep every few seconds; whichever claims the row makes it, once.
		await runPendingExports({ origin: baseUrl() });
		const ready = await untilReady(row.id, s.cookie);
		expect(ready).toMatchObject({ status: 'ready', format: 'xlsx' });
		const stored = await db().selectFrom('report_exports').select(['attempts', 'status']).where('id', '=', row.id).executeTakeFirstOrThrow();
		expect(stored).toEqual({ attempts: 1, status: 'ready' });
		const file = await download(row.id, s.cookie);
		expect(file.status).toBe(200);
		expect(file.body.subarray(0, 2).toString()).toBe('PK');
		// Sweeping again makes nothing twice.
		await runPendingExports({ origin: baseUrl() });
		expect((await db().selectFrom('report_exports').select('attempts').where('id', '=', row.id).executeTakeFirstOrThrow()).attempts).toBe(1);
	});

	it('is made with the asker’s rights when it is made: a queued export of a unit they may not see fails without a file', async () => {
		const s = await setup();
		const row = await db()
			.insertInto('report_exports')
			.values({
				organization_id: s.org.id,
				requested_by: s.viewer.email,
				format: 'csv',
				round_id: s.round.roundId,
				unit_key: s.teamB,
				options: JSON.stringify({ compare: 'all', statistic: 'mean', locale: 'en' }),
				created_at: new Date(Date.now() - 60_000)
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		await runPendingExports({ origin: baseUrl() });
		const done = await db().selectFrom('report_exports').select(['status', 'error', 'file']).where('id', '=', row.id).executeTakeFirstOrThrow();
		expect(done).toEqual({ status: 'failed', error: 'The report could not be made. Try again, or ask your admin.', file: null });
		// Nor is it listed or readable for them: the unit is not theirs to see.
		expect((await cookied(s.cookie).GET('/exports/{id}', exp(row.id))).response.status).toBe(404);
		expect((await download(row.id, s.cookie)).status).toBe(404);
	});
});
