import { describe, expect, it } from 'vitest';
import { ForbiddenError, NotFoundError } from '$lib/server/errors';
import { createTestActor } from '$tests/fixtures';
import { applyUserImport } from './apply';
import { getUserImport } from './preview';
import { preview, setup, team, units, users } from '$tests/import-db';

describe('previewUserImport', () => {
	it('stores a preview and writes nothing to users or units', async () => {
		const ctx = await setup();
		const before = (await users(ctx.organizationId)).length;
		const { importId, preview: p } = await preview(ctx, team);
		expect(p.counts).toEqual({ rows: 3, creates: 3, updates: 0, unchanged: 0, errors: 0, newUnits: 4, unitAttributes: 0 });
		expect(await users(ctx.organizationId)).toHaveLength(before);
		expect(await units(ctx.organizationId)).toHaveLength(0);
		const stored = await getUserImport({ organizationId: ctx.organizationId, importId });
		expect(stored).toMatchObject({ importId, fileName: 'users.xlsx', appliedAt: null, preview: p });
	});

	it('is not visible from another organization, and only admins may import', async () => {
		const a = await setup();
		const b = await setup();
		const { importId } = await preview(a, team);
		await expect(getUserImport({ organizationId: b.organizationId, importId })).rejects.toBeInstanceOf(NotFoundError);
		await expect(applyUserImport({ organizationId: b.organizationId, importId, actor: b.actor })).rejects.toBeInstanceOf(NotFoundError);
		const viewer = await createTestActor(a.organizationId, 'viewer');
		await expect(preview({ ...a, actor: viewer }, team)).rejects.toBeInstanceOf(ForbiddenError);
		await expect(preview({ ...a, actor: b.actor }, team)).rejects.toBeInstanceOf(ForbiddenError);
	});
});
