import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { db } from '$lib/server/db';
import { ConflictError, ValidationError } from '$lib/server/errors';
import { applyUserImport } from './apply';
import { getUserImport } from './preview';
import { userRow } from '$tests/import-files';
import { audits, importRows, preview, setup, team, units, users } from '$tests/import-db';

describe('applyUserImport', () => {
	it('creates the units level by level and the users, and records the import', async () => {
		const ctx = await setup();
		const { counts, importId } = await importRows(ctx, team);
		expect(counts).toEqual({ rows: 3, creates: 3, updates: 0, unchanged: 0, errors: 0, newUnits: 4, unitAttributes: 0, accessChanged: 0 });
		const u = await units(ctx.organizationId);
		const nordics = u.find((x) => x.name === 'Nordics');
		const stockholm = u.find((x) => x.name === 'Stockholm');
		expect(nordics?.parent_id).toBeNull();
		expect(stockholm?.parent_id).toBe(nordics?.id);
		expect(
			u
				.filter((x) => x.parent_id === stockholm?.id)
				.map((x) => x.name)
				.sort()
		).toEqual(['Team North', 'Team South']);
		const byEmail = new Map((await users(ctx.organizationId)).map((x) => [x.email, x]));
		expect(byEmail.get('anna@example.com')).toMatchObject({
			name: 'Anna Lindqvist',
			language: 'sv',
			job_role: 'sales_person',
			access: 'participant',
			unit: 'Team North',
			scope_unit_id: null
		});
		expect(byEmail.get('bo@example.com')).toMatchObject({ job_role: 'sales_manager', unit: 'Team South' });
		expect(byEmail.get('maria@example.com')).toMatchObject({ access: 'viewer', job_role: null, unit: 'Stockholm', scope_unit_id: stockholm?.id });
		const applied = await audits(ctx.organizationId, 'import_applied');
		expect(applied).toHaveLength(1);
		expect(applied[0].details).toMatchObject({ importId, creates: 3, newUnits: 4 });
		expect((await getUserImport({ organizationId: ctx.organizationId, importId })).appliedAt).toBeInstanceOf(Date);
	});

	it('re-importing the same file changes nothing and duplicates nothing', async () => {
		const ctx = await setup();
		await importRows(ctx, team);
		const before = await users(ctx.organizationId);
		const again = await importRows(ctx, team);
		expect(again.preview.counts).toMatchObject({ creates: 0, updates: 0, unchanged: 3, newUnits: 0 });
		expect(again.counts).toMatchObject({ creates: 0, updates: 0, unchanged: 3, newUnits: 0 });
		expect(await users(ctx.organizationId)).toEqual(before);
		expect(await units(ctx.organizationId)).toHaveLength(4);
	});

	it('updates an existing user by email (any case): name, unit and access, with an access audit event', async () => {
		const ctx = await setup();
		await importRows(ctx, team);
		const anna = (await users(ctx.organizationId)).find((x) => x.email === 'anna@example.com');
		const moved = userRow({ name: 'Anna Berg', email: 'ANNA@Example.com', language: 'sv', units: ['Nordics', 'Oslo', 'Team West'], userType: 'viewer' });
		const { counts, preview: p } = await importRows(ctx, [moved]);
		expect(p.rows[0]).toMatchObject({ rowNumber: 2, action: 'update' });
		expect(counts).toMatchObject({ updates: 1, creates: 0, newUnits: 2, accessChanged: 1 });
		const after = (await users(ctx.organizationId)).find((x) => x.email === 'anna@example.com');
		expect(after).toMatchObject({ id: anna?.id, name: 'Anna Berg', unit: 'Team West', access: 'viewer', scope_unit_id: after?.unit_id });
		expect(await audits(ctx.organizationId, 'access_changed')).toEqual([
			{ target: 'anna@example.com', details: expect.objectContaining({ from: 'participant', to: 'viewer' }) }
		]);
	});

	it('never demotes an admin', async () => {
		const ctx = await setup();
		const row = userRow({ name: 'Test admin', email: ctx.actor.email, units: ['Nordics', '', ''], userType: 'participant' });
		const { preview: p, counts } = await importRows(ctx, [row]);
		expect(p.rows[0].notes).toEqual(["Stays admin: user type 'participant' does not change an admin's access"]);
		expect(counts).toMatchObject({ updates: 1, accessChanged: 0 });
		const me = (await users(ctx.organizationId)).find((x) => x.email === ctx.actor.email);
		expect(me).toMatchObject({ access: 'admin', unit: 'Nordics' });
	});

	it('a file with one bad row changes nothing and cannot be applied', async () => {
		const ctx = await setup();
		await importRows(ctx, team);
		const before = await users(ctx.organizationId);
		const rows = [
			userRow({ name: 'New Person', email: 'new@example.com', units: ['Baltics', 'Riga', 'Team 1'] }),
			userRow({ name: 'Bad', email: 'bad@', language: 'de' })
		];
		const { importId, preview: p } = await preview(ctx, rows);
		expect(p.counts).toMatchObject({ rows: 2, errors: 1 });
		expect(p.rows.find((r) => r.rowNumber === 3)?.errors).toEqual(["Email 'bad@' is not a valid address", "Language 'de' is not supported (use en or sv)"]);
		const err = await applyUserImport({ organizationId: ctx.organizationId, importId, actor: ctx.actor }).catch((e: unknown) => e);
		expect(err).toBeInstanceOf(ValidationError);
		expect((err as Error).message).toMatch(/1 row with errors/);
		expect(await users(ctx.organizationId)).toEqual(before);
		expect(await units(ctx.organizationId)).toHaveLength(4);
	});

	it('an import into one organization never touches another organization with the same emails', async () => {
		const a = await setup();
		const b = await setup();
		await importRows(b, team);
		const bBefore = await users(b.organizationId);
		const renamed = team.map((r) => [`${r[0]} (A)`, ...r.slice(1, 3), 'Americas', 'Boston', 'Team East', ...r.slice(6)]);
		const { counts } = await importRows(a, renamed);
		expect(counts).toMatchObject({ creates: 3, updates: 0 });
		expect(await users(b.organizationId)).toEqual(bBefore);
		expect((await users(a.organizationId)).filter((x) => x.name.endsWith('(A)'))).toHaveLength(3);
	});

	it('refuses to apply twice, and applies exactly once under 50 parallel attempts (the others: applied already, or an import is running)', async () => {
		const ctx = await setup();
		const { importId } = await preview(ctx, team);
		const results = await Promise.allSettled(
			Array.from({ length: 50 }, () => applyUserImport({ organizationId: ctx.organizationId, importId, actor: ctx.actor }))
		);
		const ok = results.filter((r) => r.status === 'fulfilled');
		const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason] : []));
		expect(ok).toHaveLength(1);
		expect(refused).toHaveLength(49);
		for (const e of refused) expect(['import_already_applied', 'import_running']).toContain((e as ConflictError).code);
		expect(refused[0]).toBeInstanceOf(ConflictError);
		expect((await users(ctx.organizationId)).filter((x) => x.email.endsWith('@example.com'))).toHaveLength(3);
		expect(await units(ctx.organizationId)).toHaveLength(4);
		expect(await audits(ctx.organizationId, 'import_applied')).toHaveLength(1);
		await expect(applyUserImport({ organizationId: ctx.organizationId, importId, actor: ctx.actor })).rejects.toMatchObject({ code: 'import_already_applied' });
	});

	it('refuses a preview older than an hour', async () => {
		const ctx = await setup();
		const { importId } = await preview(ctx, team);
		await db()
			.updateTable('user_imports')
			.set({ created_at: sql<Date>`now() - interval '61 minutes'` })
			.where('organization_id', '=', ctx.organizationId)
			.where('id', '=', importId)
			.execute();
		await expect(applyUserImport({ organizationId: ctx.organizationId, importId, actor: ctx.actor })).rejects.toMatchObject({ code: 'import_expired' });
		expect((await users(ctx.organizationId)).filter((x) => x.email.endsWith('@example.com'))).toHaveLength(0);
	});

	it('re-checks against the current data and refuses when the data changed into an error', async () => {
		const ctx = await setup();
		await importRows(ctx, team);
		const { importId } = await preview(ctx, [
			userRow({ name: 'Maria B', email: 'maria@example.com', units: ['Nordics', 'Stockholm', ''], jobRole: '', userType: '' })
		]);
		// Meanwhile Maria becomes a participant without a job role: the blank job_role is now an error.
		await db()
			.updateTable('users')
			.set({ access: 'participant', scope_unit_id: null })
			.where('organization_id', '=', ctx.organizationId)
			.where('email', '=', 'maria@example.com')
			.execute();
		const err = await applyUserImport({ organizationId: ctx.organizationId, importId, actor: ctx.actor }).catch((e: unknown) => e);
		expect(err).toMatchObject({ code: 'import_outdated' });
		expect((err as Error).message).toMatch(/1 row of the file now has errors/);
		expect((await users(ctx.organizationId)).find((x) => x.email === 'maria@example.com')?.name).toBe('Maria Berg');
		expect((await getUserImport({ organizationId: ctx.organizationId, importId })).appliedAt).toBeNull();
	});

	it('treats markup in names as data', async () => {
		const ctx = await setup();
		await importRows(ctx, [userRow({ name: '<script>alert(1)</script>', email: 'x@example.com', units: ["O'Brien & <b>Co</b>", '', ''] })]);
		const x = (await users(ctx.organizationId)).find((u) => u.email === 'x@example.com');
		expect(x).toMatchObject({ name: '<script>alert(1)</script>', unit: "O'Brien & <b>Co</b>" });
	});
});
