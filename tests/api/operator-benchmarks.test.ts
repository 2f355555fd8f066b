import { describe, expect, it } from 'vitest';
import { db } from '$lib/server/db';
import { createSession } from '$lib/server/auth/sessions';
import { createTestActor, createTestOrganization, uniqueEmail } from '$tests/fixtures';
import { sessionCookie } from '../support/http';
import { getPage, postForm, raw } from './helpers';
import { baseUrl } from '../support/http';

async function operatorCookie() {
	const acc = await db()
		.insertInto('accounts')
		.values({ email: uniqueEmail('operator'), is_operator: true })
		.returning('id')
		.executeTakeFirstOrThrow();
	return `sos_session=${(await createSession({ accountId: acc.id, organizationId: null })).token}`;
}

describe('the operator’s benchmark page', () => {
	it('is the operator’s only: signed out to sign-in, an admin 403', async () => {
		expect((await getPage('/operator/benchmarks')).status).toBe(303);
		const org = await createTestOrganization();
		const admin = await sessionCookie(await createTestActor(org.id, 'admin'));
		expect((await getPage('/operator/benchmarks', { cookie: admin })).status).toBe(403);
		expect((await postForm('/operator/benchmarks?/rebuild', {}, { cookie: admin })).status).toBe(403);
	});

	it('rebuilds, excludes an organization, and refuses a broken import with the reason', async () => {
		const cookie = await operatorCookie();
		const page = await getPage('/operator/benchmarks', { cookie });
		expect(page.status).toBe(200);
		expect(page.text).toContain('Benchmark database');
		expect((await postForm('/operator/benchmarks?/rebuild', {}, { cookie })).status).toBe(200);
		const org = await createTestOrganization();
		expect((await postForm('/operator/benchmarks?/exclude', { organizationId: org.id, excluded: 'true' }, { cookie })).status).toBe(200);
		expect((await db().selectFrom('organizations').select('benchmark_excluded').where('id', '=', org.id).executeTakeFirstOrThrow()).benchmark_excluded).toBe(
			true
		);
		expect((await postForm('/operator/benchmarks?/exclude', { organizationId: 'nope', excluded: 'true' }, { cookie })).status).toBe(400);
		const boundary = 'x-sos-boundary';
		const body = [
			`--${boundary}\r\nContent-Disposition: form-data; name="label"\r\n\r\nBroken source`,
			`--${boundary}\r\nContent-Disposition: form-data; name="model"\r\n\r\nsos@1.0`,
			`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="b.csv"\r\nContent-Type: text/csv\r\n\r\narea,mean,organizations,respondents\nplanets,3,5,50`,
			`--${boundary}--\r\n`
		].join('\r\n');
		const r = await raw('POST', '/operator/benchmarks?/import', {
			headers: { cookie, origin: baseUrl(), accept: 'text/html', 'content-type': `multipart/form-data; boundary=${boundary}` },
			body
		});
		expect(r.status).toBe(400);
		expect(r.text).toContain('not an area');
	});
});

describe('the operator’s organization list', () => {
	it('lists customers before generated demo organizations, searches by name, and the benchmark page shows both populations', async () => {
		const cookie = await operatorCookie();
		const tag = `Findme ${Date.now().toString(36)}`;
		const insert = (name: string, isDemo: boolean) =>
			db()
				.insertInto('organizations')
				.values({ name, industry: 'wholesale', country: 'SE', size_band: '50-199', sales_model: 'field', is_demo: isDemo })
				.execute();
		await insert(`A generated ${tag}`, true);
		await insert(`Customer ${tag}`, false);

		const all = await getPage('/operator', { cookie });
		expect(all.status).toBe(200);
		expect(all.text.indexOf(`Customer ${tag}`)).toBeLessThan(all.text.indexOf(`A generated ${tag}`));
		expect(all.text).toContain('role="search"');

		const found = await getPage(`/operator?q=${encodeURIComponent('customer ' + tag.toLowerCase())}`, { cookie });
		expect(found.text).toContain(`Customer ${tag}`);
		expect(found.text).not.toContain(`A generated ${tag}`);
		const none = await getPage(`/operator?q=${encodeURIComponent('nothing like this ' + tag)}`, { cookie });
		expect(none.text).toContain('No organization’s name contains');
		expect(none.text).not.toContain('No organizations yet');

		const bench = await getPage('/operator/benchmarks', { cookie });
		expect(bench.text).not.toContain('No organizations yet');
		expect(bench.text).toMatch(/\d+ demo organizations? \(the demo benchmark\)/);
		expect(bench.text.indexOf(`Customer ${tag}`)).toBeLessThan(bench.text.indexOf(`A generated ${tag}`));
	});
});
