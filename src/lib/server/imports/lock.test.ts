import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { db } from '$lib/server/db';
import { ConflictError } from '$lib/server/errors';
import { applyUserImport } from './apply';
import { IMPORT_RUNNING_MESSAGE } from './lock';
import { previewUserImport } from './preview';
import { HEADER, userRow, xlsxBytes } from '$tests/import-files';
import { preview, setup, team, units, users, type TestContext } from '$tests/import-db';

const importsOf = (organizationId: string) =>
	db().selectFrom('user_imports').select(['id', 'applied_at']).where('organization_id', '=', organizationId).execute();

/** Holds the organization's import lock from another connection (an import running elsewhere) until `release()`. */
async function holdImportLock(organizationId: string): Promise<{ release: () => Promise<void> }> {
	let release!: () => void;
	const released = new Promise<void>((r) => (release = r));
	let locked!: () => void;
	const held = new Promise<void>((r) => (locked = r));
	const done = db()
		.transaction()
		.execute(async (trx) => {
			await sql`SELECT pg_advisory_xact_lock(hashtextextended(${`user_import:${organizationId}`}, 0))`.execute(trx);
			locked();
			await released;
		});
	await held;
	return {
		release: async () => {
			release();
			await done;
		}
	};
}

const bigFile = (n: number) =>
	xlsxBytes([
		HEADER,
		...Array.from({ length: n }, (_, i) => userRow({ name: `P ${i}`, email: `p${i}@example.com`, units: ['A', `R ${i % 7}`, `T ${i % 40}`] }))
	]);

describe('one import at a time per organization', () => {
	it('refuses a preview and an apply while another import of the organization runs, writing nothing, and lets them through after', async () => {
		const ctx = await setup();
		const { importId } = await preview(ctx, team);
		const lock = await holdImportLock(ctx.organizationId);
		try {
			const p = await preview(ctx, team).catch((e: unknown) => e);
			expect(p).toBeInstanceOf(ConflictError);
			expect(p).toMatchObject({ code: 'import_running', message: IMPORT_RUNNING_MESSAGE });
			const a = await applyUserImport({ organizationId: ctx.organizationId, importId, actor: ctx.actor }).catch((e: unknown) => e);
			expect(a).toMatchObject({ code: 'import_running' });
			expect(await importsOf(ctx.organizationId)).toEqual([{ id: importId, applied_at: null }]);
			expect((await users(ctx.organizationId)).filter((u) => u.email.endsWith('@example.com'))).toHaveLength(0);
			expect(await units(ctx.organizationId)).toHaveLength(0);
			// Another organization imports meanwhile.
			const other = await setup();
			await expect(preview(other, team)).resolves.toMatchObject({ preview: { counts: { creates: 3 } } });
		} finally {
			await lock.release();
		}
		await expect(applyUserImport({ organizationId: ctx.organizationId, importId, actor: ctx.actor })).resolves.toMatchObject({ creates: 3 });
	});

	it('of two previews of one organization started together, one reads the file and the other is refused', async () => {
		const ctx: TestContext = await setup();
		const bytes = await bigFile(5000);
		const run = () => previewUserImport({ organizationId: ctx.organizationId, actor: ctx.actor, fileName: 'users.xlsx', bytes });
		const results = await Promise.allSettled([run(), run()]);
		const ok = results.filter((r) => r.status === 'fulfilled');
		const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
		expect(ok).toHaveLength(1);
		expect(refused).toHaveLength(1);
		expect(refused[0]).toMatchObject({ code: 'import_running', message: IMPORT_RUNNING_MESSAGE });
		expect(await importsOf(ctx.organizationId)).toHaveLength(1);
	});

	it('an apply started while a preview of the organization is reading is refused, and nothing of it is written', async () => {
		const ctx = await setup();
		const { importId } = await preview(ctx, team);
		const bytes = await bigFile(5000);
		const reading = previewUserImport({ organizationId: ctx.organizationId, actor: ctx.actor, fileName: 'users.xlsx', bytes });
		// Wait until the preview holds the lock (it is visible in pg_locks), then apply.
		await expect
			.poll(
				async () => {
					const { rows } = await sql<{
						n: number;
					}>`SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND objid = (hashtextextended(${`user_import:${ctx.organizationId}`}, 0) & 4294967295)::bigint::oid`.execute(
						db()
					);
					return rows[0].n;
				},
				{ interval: 5, timeout: 10_000 }
			)
			.toBe(1);
		const applied = await applyUserImport({ organizationId: ctx.organizationId, importId, actor: ctx.actor }).catch((e: unknown) => e);
		await reading;
		expect(applied).toMatchObject({ code: 'import_running' });
		expect((await users(ctx.organizationId)).filter((u) => u.email.endsWith('@example.com'))).toHaveLength(0);
		expect((await importsOf(ctx.organizationId)).find((i) => i.id === importId)?.applied_at).toBeNull();
	});
});
