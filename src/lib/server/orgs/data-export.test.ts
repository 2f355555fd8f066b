import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { db } from '$lib/server/db';
import { createTestActor, createTestOrganization } from '$tests/fixtures';
import { createPublishedRound } from '$tests/results';
import { createAction } from '$lib/server/actions/mutations';
import { ORGANIZATION } from '$lib/results/view';
import { exportOrganizationData } from './data-export';

describe('exporting an organization’s data', () => {
	it('holds its people, units, rounds, results as the admin sees them, actions and audit log — and no answers', async () => {
		const org = await createTestOrganization();
		const admin = await createTestActor(org.id, 'admin');
		const round = await createPublishedRound({
			organizationId: org.id,
			tree: { units: { North: null, Small: 'North' }, respondents: { North: { sales_person: 6, sales_manager: 1 }, Small: { sales_person: 2 } } }
		});
		await createAction({ actor: admin, input: { unitId: ORGANIZATION, title: 'Coach every seller monthly' } });
		const before = Date.now();
		const { body, filename } = await exportOrganizationData({ actor: admin, now: new Date('2027-01-15T10:00:00Z') });
		expect(filename).toMatch(/^sos-test-org-[a-z0-9-]+-data-2027-01-15\.zip$/);

		const zip = await JSZip.loadAsync(body);
		const files = Object.keys(zip.files).filter((f) => !zip.files[f].dir);
		expect(files).toEqual(
			expect.arrayContaining(['organization.json', 'people.json', 'people.csv', 'units.json', 'rounds.json', 'actions.json', 'audit-log.json', 'README.txt'])
		);
		const text = async (f: string) => zip.file(f)!.async('string');
		expect(await text('people.csv')).toContain(admin.email);
		expect(
			JSON.parse(await text('units.json'))
				.map((u: { name: string }) => u.name)
				.sort()
		).toEqual(['North', 'Small']);
		expect(JSON.parse(await text('actions.json'))[0].title).toBe('Coach every seller monthly');
		const results = files.filter((f) => f.startsWith('results/'));
		expect(results).toHaveLength(2);
		const wide = await text(results.find((f) => f.endsWith('-units.csv'))!);
		expect(wide).toContain('North');
		// Small has 2 respondents, below the round's minimum: no figure of its own anywhere.
		for (const f of results) expect(await text(f)).not.toMatch(/Small[^\r\n]*\d\.\d/);
		// Never raw answers: no file holds a response row's fields.
		for (const f of files) expect(await text(f)).not.toMatch(/"answers"|area_scores/);
		expect(JSON.parse(await text('rounds.json'))[0].id).toBe(round.roundId);

		const logged = await db()
			.selectFrom('audit_events')
			.select(['actor', 'details'])
			.where('organization_id', '=', org.id)
			.where('action', '=', 'organization_exported')
			.where('at', '>=', new Date(before - 1000))
			.execute();
		expect(logged).toEqual([{ actor: admin.email, details: { people: 1 } }]);
	});

	it('is for admins only', async () => {
		const org = await createTestOrganization();
		const viewer = await createTestActor(org.id, 'viewer');
		await expect(exportOrganizationData({ actor: viewer })).rejects.toMatchObject({ code: 'forbidden' });
	});
});
