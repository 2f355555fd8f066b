import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { db } from '$lib/server/db';
import { listOrganizations } from './queries';

async function org(name: string, isDemo: boolean) {
	return db()
		.insertInto('organizations')
		.values({ name, industry: 'wholesale', country: 'SE', size_band: '50-199', sales_model: 'field', is_demo: isDemo })
		.returning('id')
		.executeTakeFirstOrThrow();
}

describe('listOrganizations', () => {
	it('puts customers before the generated demo organizations, each by name', async () => {
		const tag = randomUUID().slice(0, 8);
		await org(`A generated ${tag}`, true);
		await org(`Zeta customer ${tag}`, false);
		await org(`Beta customer ${tag}`, false);
		const names = (await listOrganizations({ search: tag })).map((o) => o.name);
		expect(names).toEqual([`Beta customer ${tag}`, `Zeta customer ${tag}`, `A generated ${tag}`]);
		const all = await listOrganizations();
		const firstDemo = all.findIndex((o) => o.isDemo);
		expect(all.slice(firstDemo).every((o) => o.isDemo)).toBe(true);
	});

	it('searches names case-insensitively, with % and _ taken literally', async () => {
		const tag = randomUUID().slice(0, 8);
		await org(`Nordic Tools ${tag}`, false);
		await org(`Nordic_Tools 100% ${tag}`, false);
		expect((await listOrganizations({ search: `nordic tools ${tag}` })).map((o) => o.name)).toEqual([`Nordic Tools ${tag}`]);
		expect((await listOrganizations({ search: `100% ${tag}` })).map((o) => o.name)).toEqual([`Nordic_Tools 100% ${tag}`]);
		expect(await listOrganizations({ search: `_Tools%${tag}` })).toEqual([]);
		expect(await listOrganizations({ search: `no such ${tag}` })).toEqual([]);
	});
});
