import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { createApiToken } from '$lib/server/api-tokens/tokens';
import { db } from '$lib/server/db';
import { createTestActor, uniqueEmail } from '$tests/fixtures';
import { HEADER, millionTinyRowsXlsx, userRow, xlsxBytes } from '$tests/import-files';
import { baseUrl, call, sessionCookie } from '../support/http';
import { apiClient } from '../support/api-client';
import { auditActions, orgWithAdmin } from './helpers';

function csv(rows: string[][]): string {
	return [HEADER, ...rows].map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n');
}

const as = (cookie: string) => apiClient(baseUrl(), { cookie });
const byId = (id: string) => ({ params: { path: { id } } });

/** A multipart upload: a raw call (the typed client sends JSON). */
function upload(content: string | Uint8Array, fileName: string, opts: { cookie?: string; token?: string; field?: string } = {}) {
	const form = new FormData();
	form.append(opts.field ?? 'file', new Blob([content as BlobPart]), fileName);
	return call('POST', '/api/v1/users/import', { cookie: opts.cookie, token: opts.token, body: form });
}

describe('/api/v1/users/import', () => {
	it('answers 401 without auth and 403 for a viewer on every import endpoint', async () => {
		const { org, cookie } = await orgWithAdmin();
		const preview = await upload(csv([userRow({ name: 'A', email: uniqueEmail() })]), 'u.csv', { cookie });
		expect(preview.status).toBe(201);
		const id = preview.data.importId;
		const unitId = (await db().insertInto('units').values({ organization_id: org.id, name: 'V' }).returning('id').executeTakeFirstOrThrow()).id;
		const viewer = await sessionCookie(await createTestActor(org.id, 'viewer', unitId));
		const endpoints: [string, string][] = [
			['POST', '/api/v1/users/import'],
			['GET', `/api/v1/users/import/${id}`],
			['POST', `/api/v1/users/import/${id}/apply`],
			['GET', '/api/v1/users/import/template'],
			['GET', '/api/v1/users/import/template?format=csv']
		];
		for (const [method, path] of endpoints) {
			const anon = await call(method, path, { json: method === 'POST' ? {} : undefined });
			expect(anon.status, `${method} ${path}`).toBe(401);
			expect(anon.data.error.code).toBe('unauthenticated');
			const v = await call(method, path, { cookie: viewer, json: method === 'POST' ? {} : undefined });
			expect(v.status, `${method} ${path}`).toBe(403);
			expect(v.data.error.code).toBe('forbidden');
		}
		const viewerUpload = await upload(csv([userRow({ name: 'B', email: uniqueEmail() })]), 'u.csv', { cookie: viewer });
		expect(viewerUpload.status).toBe(403);
		expect((await as(cookie).GET('/users/import/{id}', byId(id))).data!.appliedAt).toBeNull();
	});

	it('previews a CSV, shows it again by id, and applies it once', async () => {
		const { org, cookie } = await orgWithAdmin();
		const anna = uniqueEmail('anna');
		const bo = uniqueEmail('bo');
		const r = await upload(
			csv([userRow({ name: 'Anna', email: anna }), userRow({ name: 'Bo <b>', email: bo, jobRole: 'sales_manager', userType: 'viewer' })]),
			'people.csv',
			{ cookie }
		);
		expect(r.status).toBe(201);
		expect(r.data.importId).toMatch(/^[0-9a-f-]{36}$/);
		expect(r.data.preview.counts).toEqual({ rows: 2, creates: 2, updates: 0, unchanged: 0, errors: 0, newUnits: 3, unitAttributes: 0 });
		expect(r.data.preview.newUnits).toEqual([['Nordics'], ['Nordics', 'Stockholm'], ['Nordics', 'Stockholm', 'Team North']]);
		// Nothing is written by a preview.
		expect((await as(cookie).GET('/users')).data!.total).toBe(1);

		const again = await as(cookie).GET('/users/import/{id}', byId(r.data.importId));
		expect(again.response.status).toBe(200);
		expect(again.data).toMatchObject({ importId: r.data.importId, fileName: 'people.csv', appliedAt: null, preview: r.data.preview });
		expect(again.data!.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);

		const applied = await as(cookie).POST('/users/import/{id}/apply', byId(r.data.importId));
		expect(applied.response.status).toBe(200);
		expect(applied.data).toMatchObject({ rows: 2, creates: 2, updates: 0, errors: 0, newUnits: 3, unitAttributes: 0 });
		const users = (await as(cookie).GET('/users')).data!.users;
		expect(users.find((u) => u.email === bo)).toMatchObject({ name: 'Bo <b>', access: 'viewer', jobRole: 'sales_manager' });
		expect((await as(cookie).GET('/units')).data!.units).toHaveLength(3);
		expect((await as(cookie).GET('/users/import/{id}', byId(r.data.importId))).data!.appliedAt).toMatch(/^\d{4}-/);

		const twice = await as(cookie).POST('/users/import/{id}/apply', byId(r.data.importId));
		expect(twice.response.status).toBe(409);
		expect(twice.error!.error.code).toBe('import_already_applied');
		expect((await as(cookie).GET('/users')).data!.total).toBe(3);
		expect((await auditActions(org.id)).filter((e) => e.action === 'import_applied')).toHaveLength(1);
	});

	it('accepts an .xlsx file and a bearer token', async () => {
		const { org, admin } = await orgWithAdmin();
		const { secret } = await createApiToken({ organizationId: org.id, actor: admin, input: { name: 'hr-sync' } });
		const bytes = await xlsxBytes([HEADER, userRow({ name: 'Xl', email: uniqueEmail() })]);
		const r = await upload(bytes, 'users.xlsx', { token: secret });
		expect(r.status).toBe(201);
		expect(r.data.preview.counts).toMatchObject({ rows: 1, creates: 1, errors: 0 });
		const applied = await apiClient(baseUrl(), secret).POST('/users/import/{id}/apply', byId(r.data.importId));
		expect(applied.response.status).toBe(200);
		expect(applied.data!.creates).toBe(1);
	});

	// KNOWN BUG (needs svelte.config.js, outside this test suite's remit): SvelteKit's own CSRF check
	// refuses every multipart POST without a same-origin Origin header before our hooks run, so an
	// integration uploading with a bearer token (curl -F, a script) gets 403. Flip to `it` once fixed.
	it('accepts a bearer-token upload without an Origin header, as curl sends it', async () => {
		const { org, admin } = await orgWithAdmin();
		const { secret } = await createApiToken({ organizationId: org.id, actor: admin, input: { name: 'curl' } });
		const form = new FormData();
		form.append('file', new Blob([csv([userRow({ name: 'C', email: uniqueEmail() })])]), 'users.csv');
		const res = await fetch(`${baseUrl()}/api/v1/users/import`, { method: 'POST', headers: { authorization: `Bearer ${secret}` }, body: form });
		expect(res.status).toBe(201);
	});

	it('reports row errors in the preview and refuses to apply such a file, writing nothing', async () => {
		const { cookie } = await orgWithAdmin();
		const r = await upload(
			csv([
				userRow({ name: 'Ok', email: uniqueEmail() }),
				userRow({ name: 'Bad', email: 'not-an-email' }),
				userRow({ name: '', email: uniqueEmail(), language: 'xx' })
			]),
			'bad.csv',
			{
				cookie
			}
		);
		expect(r.status).toBe(201);
		expect(r.data.preview.counts.errors).toBe(2);
		const bad = r.data.preview.rows.filter((row: { errors: string[] }) => row.errors.length > 0);
		expect(bad.map((row: { rowNumber: number }) => row.rowNumber)).toEqual([3, 4]);
		const applied = await as(cookie).POST('/users/import/{id}/apply', byId(r.data.importId));
		expect(applied.response.status).toBe(400);
		expect(applied.error!.error.message).toMatch(/2 rows with errors/);
		expect((await as(cookie).GET('/users')).data!.total).toBe(1);
		expect((await as(cookie).GET('/units')).data!.units).toHaveLength(0);
	});

	it('answers 400 with a clear message for unusable uploads', async () => {
		const { cookie } = await orgWithAdmin();
		const json = await call('POST', '/api/v1/users/import', { cookie, json: { file: 'x' } });
		expect(json.status).toBe(400);
		expect(json.data.error.message).toMatch(/multipart\/form-data/);
		const noFile = await upload('x', 'u.csv', { cookie, field: 'upload' });
		expect(noFile.status).toBe(400);
		expect(noFile.data.error.message).toMatch(/Choose an .xlsx or .csv file/);
		const empty = await upload('', 'u.csv', { cookie });
		expect(empty.status).toBe(400);
		const pdf = await upload('%PDF-1.4', 'users.pdf', { cookie });
		expect(pdf.status).toBe(400);
		expect(pdf.data.error.message).toMatch(/neither/);
		const xls = await upload('garbage', 'users.xls', { cookie });
		expect(xls.status).toBe(400);
		expect(xls.data.error.message).toMatch(/not supported/);
		const notXlsx = await upload('this is not a zip', 'users.xlsx', { cookie });
		expect(notXlsx.status).toBe(400);
		const nul = await upload(`${HEADER.join(',')}\nA\u0000,a@example.test`, 'users.csv', { cookie });
		expect(nul.status).toBe(400);
		const broken = await call('POST', '/api/v1/users/import', {
			cookie,
			body: '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.csv"\r\n\r\nname\r\n',
			headers: { 'content-type': 'multipart/form-data; boundary=xyz' }
		});
		expect(broken.status).toBe(400);
		const big = await upload(new Uint8Array(10 * 1024 * 1024 + 10), 'big.csv', { cookie });
		expect(big.status).toBe(400);
		expect(big.data.error.message).toMatch(/larger than 10 MB/);
		const xlsxHeaderOnly = await upload(await xlsxBytes([HEADER]), 'h.xlsx', { cookie });
		expect(xlsxHeaderOnly.status).toBe(400);
		expect(xlsxHeaderOnly.data.error.message).toBe('The file has column names but no users below them.');
		expect((await as(cookie).GET('/users')).data!.total).toBe(1);
	});

	it('refuses a file of 1,000,000 tiny rows with a 400 naming the row limit, and stores nothing', async () => {
		const { org, cookie } = await orgWithAdmin();
		const r = await upload(millionTinyRowsXlsx(), 'hostile.xlsx', { cookie });
		expect(r.status).toBe(400);
		expect(r.data.error.message).toMatch(/more than 50,000 user rows/);
		const stored = await db().selectFrom('user_imports').select('id').where('organization_id', '=', org.id).execute();
		expect(stored).toHaveLength(0);
	}, 60_000);

	it('runs one import at a time per organization: of two uploads sent together one is refused with a 409', async () => {
		const { org, cookie } = await orgWithAdmin();
		const rows = Array.from({ length: 5000 }, (_, i) => userRow({ name: `P ${i}`, email: `p${i}.${org.id.slice(0, 8)}@example.com` }));
		const bytes = await xlsxBytes([HEADER, ...rows]);
		const [a, b] = await Promise.all([upload(bytes, 'a.xlsx', { cookie }), upload(bytes, 'b.xlsx', { cookie })]);
		expect([a.status, b.status].sort()).toEqual([201, 409]);
		const refused = a.status === 409 ? a : b;
		expect(refused.data.error).toMatchObject({ code: 'import_running', message: expect.stringMatching(/An import is already running/) });
		const stored = await db().selectFrom('user_imports').select('id').where('organization_id', '=', org.id).execute();
		expect(stored).toHaveLength(1);
		expect((await as(cookie).GET('/users')).data!.total).toBe(1);
	}, 60_000);

	it('keeps file names and cells with markup or odd characters as data', async () => {
		const { cookie } = await orgWithAdmin();
		const email = uniqueEmail();
		const r = await upload(
			csv([userRow({ name: '<img src=x onerror=alert(1)>', email, units: ['=HYPERLINK("x")', "Team'; DROP TABLE units;--", 'Ω'] })]),
			'<script>.csv',
			{ cookie }
		);
		expect(r.status).toBe(201);
		const again = await as(cookie).GET('/users/import/{id}', byId(r.data.importId));
		expect(again.data!.fileName).toBe('<script>.csv');
		expect(again.data!.preview.rows[0].name).toBe('<img src=x onerror=alert(1)>');
	});

	it("answers 404 for another organization's imports and for malformed ids", async () => {
		const mine = await orgWithAdmin();
		const theirs = await orgWithAdmin();
		const foreign = await upload(csv([userRow({ name: 'T', email: uniqueEmail() })]), 'theirs.csv', { cookie: theirs.cookie });
		for (const id of [foreign.data.importId, randomUUID(), 'nope', "1'--"]) {
			const get = await as(mine.cookie).GET('/users/import/{id}', byId(id));
			expect(get.response.status, id).toBe(404);
			expect(get.error!.error.code).toBe('not_found');
			const apply = await as(mine.cookie).POST('/users/import/{id}/apply', byId(id));
			expect(apply.response.status, id).toBe(404);
		}
		// Still unapplied for its owner, and nothing arrived in mine.
		expect((await as(theirs.cookie).GET('/users/import/{id}', byId(foreign.data.importId))).data!.appliedAt).toBeNull();
		expect((await as(mine.cookie).GET('/users')).data!.total).toBe(1);
	});

	it('serves the template as xlsx and csv with the organization level columns', async () => {
		const { cookie } = await orgWithAdmin();
		const c = await fetch(`${baseUrl()}/api/v1/users/import/template?format=csv`, { headers: { cookie } });
		expect(c.status).toBe(200);
		expect(c.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(c.headers.get('content-disposition')).toBe('attachment; filename="sos-users-template.csv"');
		const header = (await c.text()).replace(/^\uFEFF/, '').split(/\r?\n/)[0];
		expect(header).toContain('email');
		expect(header.toLowerCase()).toContain('business_area');
		const x = await fetch(`${baseUrl()}/api/v1/users/import/template`, { headers: { cookie } });
		expect(x.status).toBe(200);
		expect(x.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load(Buffer.from(await x.arrayBuffer()) as unknown as ArrayBuffer);
		expect(wb.worksheets.length).toBeGreaterThan(0);
		for (const format of ['pdf', "csv'--", '']) {
			const bad = await call('GET', `/api/v1/users/import/template?format=${encodeURIComponent(format)}`, { cookie });
			expect(bad.status, format).toBe(400);
			expect(bad.data.error.message).toBe('format must be xlsx or csv.');
		}
	});
});
