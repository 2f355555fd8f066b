import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { closeDb, db } from '$lib/server/db';
import { migrateToLatest } from '$lib/server/db/migrate';
import { createDatabase } from '$tests/database';
import { createTestActor, createTestOrganization } from '$tests/fixtures';
import { bundleText, fixtureBundle, uniqueModelId } from '$tests/model-bundle';
import { ConflictError, NotFoundError, ValidationError } from '$lib/server/errors';
import { createRound } from '$lib/server/rounds/create';
import { BundleInvalidError, uploadModelVersion } from './upload';
import { deleteModelDraft, publishModelVersion } from './publish';
import { setDefaultModel } from './default-model';
import { getDefaultModelId } from './store';
import { defaultModel, getModel, getUploadedModel, groupNames, knownGroups, roundModels } from './registry';

/**
 * Uploading and publishing model versions, against a database of this file's own: the versions published
 * here are operator-global (every organization would see their groups), so they stay out of the shared one.
 */
const operator = { accountId: null, email: 'op@sos.example', isOperator: true, via: 'session' as const, label: 'op@sos.example', membership: null };
let drop: () => Promise<void>;
beforeAll(async () => {
	const own = await createDatabase('sos_models');
	drop = own.drop;
	process.env.DATABASE_URL = own.url;
	await migrateToLatest(db());
}, 60_000);
afterAll(async () => {
	await closeDb();
	await drop?.();
});

const rows = (id: string) => db().selectFrom('model_versions').selectAll().where('model_id', '=', id).execute();
const audits = (target: string) =>
	db()
		.selectFrom('global_audit_events')
		.select(['action', 'actor'])
		.where('target', '=', target)
		.orderBy('id')
		.execute();
const upload = async (id: string, version = '1.0', fileName = 'bundle.json') =>
	uploadModelVersion({ actor: operator, fileName, text: bundleText(await fixtureBundle(id, version)) });

describe('uploading a model version', () => {
	it('writes nothing for a broken file and names each error with its line', async () => {
		const id = uniqueModelId();
		const b = await fixtureBundle(id);
		b.model.version = 'x';
		delete b.translations.sv.description;
		const err = await uploadModelVersion({ actor: operator, fileName: 'broken.json', text: bundleText(b) }).catch((e) => e);
		expect(err).toBeInstanceOf(BundleInvalidError);
		expect((err as BundleInvalidError).errors.map((e) => e.path)).toEqual(['model.version', 'translations.sv.description']);
		expect((err as BundleInvalidError).errors.every((e) => e.line > 1)).toBe(true);
		const syntax = await uploadModelVersion({ actor: operator, fileName: 'x.json', text: '{"model": ' }).catch((e) => e);
		expect(syntax).toBeInstanceOf(BundleInvalidError);
		expect(await rows(id)).toEqual([]);
		expect(await audits(`${id}@x`)).toEqual([]);
	});

	it('only the operator may upload', async () => {
		const org = await createTestOrganization();
		const admin = await createTestActor(org.id, 'admin');
		const text = bundleText(await fixtureBundle(uniqueModelId()));
		await expect(uploadModelVersion({ actor: admin, fileName: 'b.json', text })).rejects.toThrow(/operator/);
	});

	it('keeps a draft out of rounds, replaces it on a new upload, and deletes it', async () => {
		const id = uniqueModelId();
		expect(await upload(id, '1.0', 'first.json')).toEqual({ id, version: '1.0', replaced: false });
		expect(await upload(id, '1.0', 'second.json')).toEqual({ id, version: '1.0', replaced: true });
		const [row] = await rows(id);
		expect(row).toMatchObject({ status: 'draft', file_name: 'second.json', uploaded_by: 'op@sos.example', published_at: null });
		expect((await getUploadedModel(id, '1.0')).structure.groups).toEqual(['buyer', 'seller', 'support']);
		await expect(getModel(id, '1.0')).rejects.toBeInstanceOf(NotFoundError);
		expect((await roundModels()).map((m) => m.ref)).not.toContain(`${id}@1.0`);
		expect(await knownGroups()).not.toContain('buyer');
		const org = await createTestOrganization();
		const admin = await createTestActor(org.id, 'admin');
		await expect(createRound({ organizationId: org.id, actor: admin, input: { name: 'Q', launch: false, model: { id, version: '1.0' } } })).rejects.toBeInstanceOf(
			ValidationError
		);
		await expect(createRound({ organizationId: org.id, actor: admin, input: { name: 'Q', launch: false, modelId: id } })).rejects.toBeInstanceOf(ValidationError);
		await deleteModelDraft({ actor: operator, id, version: '1.0' });
		expect(await rows(id)).toEqual([]);
		expect((await audits(`${id}@1.0`)).map((a) => a.action)).toEqual(['model_uploaded', 'model_uploaded', 'model_draft_deleted']);
	});
});

describe('publishing a model version', () => {
	it('makes it usable by rounds and the registry, and never lets it change', async () => {
		const id = uniqueModelId();
		await upload(id);
		await publishModelVersion({ actor: operator, id, version: '1.0' });
		const [row] = await rows(id);
		expect(row).toMatchObject({ status: 'published', published_by: 'op@sos.example' });
		expect(row.published_at).toBeInstanceOf(Date);

		const model = await getModel(id, '1.0');
		expect(model.shape.statementCount).toBe(6);
		expect((await roundModels()).map((m) => m.ref)).toContain(`${id}@1.0`);
		expect(await knownGroups()).toEqual(expect.arrayContaining(['sales_person', 'sales_manager', 'buyer', 'seller', 'support']));
		expect((await groupNames('sv')).support).toEqual({ one: 'Supporttekniker', other: 'Support' });

		const org = await createTestOrganization();
		const admin = await createTestActor(org.id, 'admin');
		const round = await createRound({ organizationId: org.id, actor: admin, input: { name: 'Handover', launch: false, modelId: id } });
		expect(round).toMatchObject({ modelId: id, modelVersion: '1.0' });

		// Not by the use cases…
		await expect(publishModelVersion({ actor: operator, id, version: '1.0' })).rejects.toBeInstanceOf(ConflictError);
		await expect(deleteModelDraft({ actor: operator, id, version: '1.0' })).rejects.toBeInstanceOf(ConflictError);
		const again = await upload(id).catch((e) => e);
		expect(again).toBeInstanceOf(BundleInvalidError);
		expect((again as BundleInvalidError).errors).toEqual([expect.objectContaining({ path: 'model.version', message: expect.stringContaining('already published') })]);
		// …nor by the database itself.
		await expect(sql`UPDATE model_versions SET file_name = 'changed.json' WHERE model_id = ${id}`.execute(db())).rejects.toThrow(/published and cannot be changed/);
		await expect(sql`UPDATE model_versions SET status = 'draft', published_at = NULL, published_by = NULL WHERE model_id = ${id}`.execute(db())).rejects.toThrow(
			/published/
		);
		await expect(sql`DELETE FROM model_versions WHERE model_id = ${id}`.execute(db())).rejects.toThrow(/published and cannot be changed or deleted/);
		await expect(sql`TRUNCATE model_versions`.execute(db())).rejects.toThrow(/cannot be truncated/);
		expect(await rows(id)).toMatchObject([{ status: 'published', file_name: 'bundle.json' }]);
		expect((await audits(`${id}@1.0`)).map((a) => a.action)).toEqual(['model_uploaded', 'model_published']);
	});

	it('checks a new version against the earlier one it continues, uploaded or not', async () => {
		const id = uniqueModelId();
		await upload(id);
		const next = await fixtureBundle(id, '1.1');
		next.model.continues = { version: '1.0', areas: ['handover', 'follow_up'], statements: { handover_notes: 'handover_notes' } };
		const draftFirst = await uploadModelVersion({ actor: operator, fileName: 'b.json', text: bundleText(next) }).catch((e) => e);
		expect((draftFirst as BundleInvalidError).errors).toEqual([expect.objectContaining({ path: 'model.continues.version', message: expect.stringContaining('still a draft') })]);
		await publishModelVersion({ actor: operator, id, version: '1.0' });
		next.model.continues = { version: '1.0', areas: ['handover'], statements: { handover_notes: 'no_such' } };
		const wrong = await uploadModelVersion({ actor: operator, fileName: 'b.json', text: bundleText(next) }).catch((e) => e);
		expect((wrong as BundleInvalidError).errors).toEqual([expect.objectContaining({ path: 'model.continues.statements.handover_notes' })]);
		next.model.continues = { version: '1.0', areas: ['handover'], statements: { handover_notes: 'handover_notes' } };
		await uploadModelVersion({ actor: operator, fileName: 'b.json', text: bundleText(next) });
		await publishModelVersion({ actor: operator, id, version: '1.1' });
		expect((await getModel(id, '1.1')).structure.continues?.version).toBe('1.0');
		expect((await roundModels()).map((m) => m.ref)).toContain(`${id}@1.1`);
		expect((await roundModels()).map((m) => m.ref)).not.toContain(`${id}@1.0`);
	});
});

describe('the default model of new rounds', () => {
	it('is SOS until the operator chooses another', async () => {
		expect((await defaultModel()).structure.id).toBe('sos');
		const id = uniqueModelId();
		await upload(id);
		await expect(setDefaultModel({ actor: operator, id })).rejects.toBeInstanceOf(ValidationError);
		await publishModelVersion({ actor: operator, id, version: '1.0' });
		await setDefaultModel({ actor: operator, id });
		expect(await getDefaultModelId()).toBe(id);
		expect((await defaultModel()).structure.id).toBe(id);
		const org = await createTestOrganization();
		const admin = await createTestActor(org.id, 'admin');
		expect(await createRound({ organizationId: org.id, actor: admin, input: { name: 'Default', launch: false } })).toMatchObject({ modelId: id });
		await setDefaultModel({ actor: operator, id: 'sos' });
		expect((await defaultModel()).structure.id).toBe('sos');
	});
});
