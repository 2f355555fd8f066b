import { expect, inject, it } from 'vitest';
import { db } from '$lib/server/db';
import { applyUserImport } from '$lib/server/imports/apply';
import { previewUserImport } from '$lib/server/imports/preview';
import { HEADER, millionTinyRowsXlsx, userRow, xlsxBytes } from '$tests/import-files';
import { createTestActor, createTestOrganization } from '$tests/fixtures';
import { sessionCookie } from '../tests/support/http';
import { rssMb, startBenchServer } from './support/server';

const USERS = 10_000;
const AREAS = 4;
const REGIONS_PER_AREA = 5;
const TEAMS_PER_REGION = 10; // 4 × 5 × 10 = 200 teams, 50 people each

function rows(): string[][] {
	return Array.from({ length: USERS }, (_, i) => {
		const team = i % (AREAS * REGIONS_PER_AREA * TEAMS_PER_REGION);
		const region = Math.floor(team / TEAMS_PER_REGION);
		const area = Math.floor(region / REGIONS_PER_AREA);
		return userRow({
			name: `Person ${i}`,
			email: `person.${i}@example.com`,
			language: i % 3 === 0 ? 'sv' : 'en',
			units: [`Area ${area}`, `Region ${region}`, `Team ${team}`],
			jobRole: i % 10 === 0 ? 'sales_manager' : 'sales_person',
			userType: i % 50 === 0 ? 'viewer' : 'participant'
		});
	});
}

const seconds = (ms: number) => (ms / 1000).toFixed(2);

it(`imports ${USERS} users from an xlsx file`, async () => {
	const org = await createTestOrganization();
	const actor = await createTestActor(org.id, 'admin');
	const bytes = await xlsxBytes([HEADER, ...rows()]);

	const t0 = performance.now();
	const { importId, preview } = await previewUserImport({ organizationId: org.id, actor, fileName: 'bench.xlsx', bytes });
	const t1 = performance.now();
	const counts = await applyUserImport({ organizationId: org.id, importId, actor });
	const t2 = performance.now();

	console.log(`import ${USERS} rows: preview ${seconds(t1 - t0)} s, apply ${seconds(t2 - t1)} s, total ${seconds(t2 - t0)} s (budget 10 s)`);

	const units = AREAS + AREAS * REGIONS_PER_AREA + AREAS * REGIONS_PER_AREA * TEAMS_PER_REGION;
	expect(preview.counts).toEqual({ rows: USERS, creates: USERS, updates: 0, unchanged: 0, errors: 0, newUnits: units, unitAttributes: 0 });
	expect(counts).toMatchObject({ creates: USERS, newUnits: units });
	const stored = await db()
		.selectFrom('users')
		.select((eb) => eb.fn.countAll<number>().as('n'))
		.where('organization_id', '=', org.id)
		.executeTakeFirstOrThrow();
	expect(Number(stored.n)).toBe(USERS + 1);
});

/** Uploads a user file to the import API as the browser does; answers the status and the error message, if any. */
async function upload(url: string, cookie: string, bytes: Uint8Array, fileName: string) {
	const form = new FormData();
	form.append('file', new Blob([bytes as BlobPart]), fileName);
	const res = await fetch(`${url}/api/v1/users/import`, { method: 'POST', headers: { cookie, origin: url }, body: form });
	const body = (await res.json()) as { error?: { message: string } };
	return { status: res.status, message: body.error?.message ?? '' };
}

/**
 * The hostile file of issue 10 (1,000,000 tiny rows, a few MB zipped) through the real server: its
 * resident memory before and at the peak while the upload is read and refused. Budget: ≤ 100 MB growth.
 */
it('measures the server memory while importing a 1,000,000-row .xlsx', async () => {
	const server = await startBenchServer(inject('databaseUrl'));
	try {
		const orgs = await Promise.all(
			Array.from({ length: 3 }, async () => {
				const org = await createTestOrganization();
				return sessionCookie(await createTestActor(org.id, 'admin'));
			})
		);
		const hostile = millionTinyRowsXlsx();
		// Warm up: one ordinary import, so that loading the import code is not counted as the import's memory.
		const warm = await upload(server.url, orgs[0], await xlsxBytes([HEADER, userRow({ name: 'Warm', email: 'warm@example.com' })]), 'warm.xlsx');
		expect(warm.status).toBe(201);

		const measure = async (cookies: string[]) => {
			const before = rssMb(server.pid);
			let peak = before;
			const sampler = setInterval(() => (peak = Math.max(peak, rssMb(server.pid))), 10);
			const t0 = performance.now();
			const results = await Promise.all(cookies.map((cookie) => upload(server.url, cookie, hostile, 'hostile.xlsx')));
			const seconds = (performance.now() - t0) / 1000;
			clearInterval(sampler);
			peak = Math.max(peak, rssMb(server.pid));
			for (const r of results) {
				expect(r.status).toBe(400);
				expect(r.message).toMatch(/more than 50,000 user rows/);
			}
			return { before, peak, seconds };
		};
		const one = await measure([orgs[0]]);
		const three = await measure(orgs);
		const mb = (hostile.length / 1024 / 1024).toFixed(1);
		console.log(
			`import memory: a ${mb} MB .xlsx of 1,000,000 tiny rows refused at the 50,000-row limit in ${one.seconds.toFixed(2)} s; server RSS ${one.before.toFixed(0)} → peak ${one.peak.toFixed(0)} MB, growth ${(one.peak - one.before).toFixed(0)} MB (budget ≤ 100 MB)`
		);
		console.log(
			`import memory, three organizations uploading it at once: ${three.seconds.toFixed(2)} s; server RSS ${three.before.toFixed(0)} → peak ${three.peak.toFixed(0)} MB, growth ${(three.peak - three.before).toFixed(0)} MB`
		);
		expect(one.peak - one.before).toBeLessThanOrEqual(100);
	} finally {
		await server.stop();
	}
}, 300_000);
