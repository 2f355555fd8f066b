import { describe, expect, it } from 'vitest';
import { db } from '$lib/server/db';
import { applyUserImport } from './apply';
import { previewUserImport } from './preview';
import { HEADER, userRow, xlsxBytes } from '$tests/import-files';
import { setup, type TestContext } from '$tests/import-db';

/** A file with two unit_ columns after the usual ones. */
async function upload(ctx: TestContext, rows: string[][], extra = ['unit_sales_model', 'Unit location']) {
	const bytes = await xlsxBytes([[...HEADER, ...extra], ...rows]);
	return previewUserImport({ organizationId: ctx.organizationId, actor: ctx.actor, fileName: 'users.xlsx', bytes });
}
const person = (n: number, team: string, model: string, location = '') => [
	...userRow({ name: `P ${n}`, email: `p${n}@example.com`, units: ['Nordics', 'Stockholm', team] }),
	model,
	location
];
const attributes = async (organizationId: string) =>
	Object.fromEntries(
		(await db().selectFrom('units').select(['name', 'attributes']).where('organization_id', '=', organizationId).execute()).map((u) => [u.name, u.attributes])
	);

describe('unit attributes from the import (unit_ columns)', () => {
	it('sets each unit’s attributes, shows them in the preview, and keeps the others on re-import', async () => {
		const ctx = await setup();
		const first = await upload(ctx, [person(1, 'North', 'Field', 'Stockholm'), person(2, 'North', 'Field', ''), person(3, 'South', 'Inside', 'Uppsala')]);
		expect(first.preview.counts).toMatchObject({ errors: 0, unitAttributes: 2 });
		expect(first.preview.unitAttributes).toEqual([
			"Nordics / Stockholm / North: sales_model 'Field'",
			"Nordics / Stockholm / North: location 'Stockholm'",
			"Nordics / Stockholm / South: sales_model 'Inside'",
			"Nordics / Stockholm / South: location 'Uppsala'"
		]);
		await applyUserImport({ organizationId: ctx.organizationId, importId: first.importId, actor: ctx.actor });
		expect(await attributes(ctx.organizationId)).toMatchObject({
			North: { sales_model: 'Field', location: 'Stockholm' },
			South: { sales_model: 'Inside', location: 'Uppsala' },
			Stockholm: {}
		});
		// Only the sales model this time: North's location stays.
		const again = await upload(ctx, [person(1, 'North', 'Hybrid')], ['unit_sales_model']);
		expect(again.preview.unitAttributes).toEqual(["Nordics / Stockholm / North: sales_model 'Field' → 'Hybrid'"]);
		await applyUserImport({ organizationId: ctx.organizationId, importId: again.importId, actor: ctx.actor });
		expect((await attributes(ctx.organizationId)).North).toEqual({ sales_model: 'Hybrid', location: 'Stockholm' });
	});

	it('refuses two values for one unit with a row-level error, and writes nothing', async () => {
		const ctx = await setup();
		const p = await upload(ctx, [person(1, 'North', 'Field'), person(2, 'North', 'Inside')]);
		expect(p.preview.counts.errors).toBe(1);
		expect(p.preview.rows.find((r) => r.rowNumber === 3)!.errors).toEqual(["unit_sales_model 'Inside' differs from 'Field' on row 2 for the same unit"]);
		await expect(applyUserImport({ organizationId: ctx.organizationId, importId: p.importId, actor: ctx.actor })).rejects.toThrow(/nothing was imported/);
		expect(await attributes(ctx.organizationId)).toEqual({});
	});

	it('needs a unit on the row, and at most ten attribute columns', async () => {
		const ctx = await setup();
		const noUnit = [...userRow({ name: 'A', email: 'a@example.com', units: ['', '', ''], userType: 'viewer', jobRole: '' }), 'Field', ''];
		const p = await upload(ctx, [noUnit]);
		expect(p.preview.rows[0].errors).toContain('Unit attributes (unit_ columns) need a unit on the same row');
		const many = Array.from({ length: 11 }, (_, i) => `unit_a${i}`);
		await expect(upload(ctx, [person(1, 'North', 'Field')], many)).rejects.toThrow(/at most 10 unit attributes/);
	});
});
