import { expect, it } from 'vitest';
import { db } from '$lib/server/db';
import { applyUserImport } from '$lib/server/imports/apply';
import { previewUserImport } from '$lib/server/imports/preview';
import { HEADER, userRow, xlsxBytes } from '$lib/server/imports/testing';
import { createTestActor, createTestOrganization } from '$lib/server/testing/fixtures';

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
	const { importId, preview } = await previewUserImport(db(), { organizationId: org.id, actor, fileName: 'bench.xlsx', bytes });
	const t1 = performance.now();
	const counts = await applyUserImport(db(), { organizationId: org.id, importId, actor });
	const t2 = performance.now();

	console.log(
		`import ${USERS} rows: preview ${seconds(t1 - t0)} s, apply ${seconds(t2 - t1)} s, total ${seconds(t2 - t0)} s (budget 10 s)`
	);

	const units = AREAS + AREAS * REGIONS_PER_AREA + AREAS * REGIONS_PER_AREA * TEAMS_PER_REGION;
	expect(preview.counts).toEqual({ rows: USERS, creates: USERS, updates: 0, unchanged: 0, errors: 0, newUnits: units });
	expect(counts).toMatchObject({ creates: USERS, newUnits: units });
	const stored = await db().selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).where('organization_id', '=', org.id).executeTakeFirstOrThrow();
	expect(Number(stored.n)).toBe(USERS + 1);
});
