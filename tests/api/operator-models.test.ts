import { describe, expect, it } from 'vitest';
import { db } from '$lib/server/db';
import { createSession } from '$lib/server/auth/sessions';
import { createTestActor, createTestOrganization, uniqueEmail } from '$tests/fixtures';
import { bundleText, fixtureBundle, uniqueModelId } from '$tests/model-bundle';
import { baseUrl, call, sessionCookie } from '../support/http';
import { getPage, orgWithAdmin, postForm, raw } from './helpers';

/**
 * The operator's model pages and the model of a new round over HTTP. Nothing is published here: this file
 * shares the run's database, and a published model's groups would show in every organization.
 */
async function operatorCookie() {
	const acc = await db()
		.insertInto('accounts')
		.values({ email: uniqueEmail('operator'), is_operator: true })
		.returning('id')
		.executeTakeFirstOrThrow();
	return `sos_session=${(await createSession({ accountId: acc.id, organizationId: null })).token}`;
}

function upload(cookie: string, fileName: string, text: string, action = 'upload') {
	const boundary = 'x-sos-boundary';
	const body = [
		`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/json\r\n\r\n${text}`,
		`--${boundary}--\r\n`
	].join('\r\n');
	return raw('POST', `/operator/models?/${action}`, {
		headers: { cookie, origin: baseUrl(), accept: 'text/html', 'content-type': `multipart/form-data; boundary=${boundary}` },
		body
	});
}

const versions = (id: string) => db().selectFrom('model_versions').select(['status', 'file_name']).where('model_id', '=', id).execute();

describe('the operator’s model pages', () => {
	it('are the operator’s only: signed out to sign-in, an admin 403, nothing uploaded', async () => {
		expect((await getPage('/operator/models')).status).toBe(303);
		expect((await getPage('/operator/models/sos/1.1/bundle')).status).toBe(303);
		const org = await createTestOrganization();
		const admin = await sessionCookie(await createTestActor(org.id, 'admin'));
		expect((await getPage('/operator/models', { cookie: admin })).status).toBe(403);
		expect((await getPage('/operator/models/sos/1.1/bundle', { cookie: admin })).status).toBe(403);
		const id = uniqueModelId();
		expect((await upload(admin, 'b.json', bundleText(await fixtureBundle(id)))).status).toBe(403);
		expect(await versions(id)).toEqual([]);
	});

	it('lists the shipped models and gives any version as a bundle file to start from', async () => {
		const cookie = await operatorCookie();
		const page = await getPage('/operator/models', { cookie });
		expect(page.status).toBe(200);
		expect(page.text).toContain('SOS — Sales management');
		const file = await getPage('/operator/models/sos/1.1/bundle', { cookie });
		expect(file.status).toBe(200);
		expect(file.headers['content-disposition']).toBe('attachment; filename="sos-1.1.json"');
		const bundle = JSON.parse(file.text);
		expect(bundle.model).toMatchObject({ id: 'sos', version: '1.1' });
		expect(Object.keys(bundle.translations).sort()).toEqual(['en', 'sv']);
		expect((await getPage('/operator/models/sos/9.9/bundle', { cookie })).status).toBe(404);
		expect((await getPage('/operator/models/Bad!/1.0', { cookie })).status).toBe(404);
	});

	it('refuses a broken file with every error and its line, writes nothing; keeps a good one as a draft', async () => {
		const cookie = await operatorCookie();
		const id = uniqueModelId();
		const broken = await fixtureBundle(id);
		broken.model.version = 'one';
		(broken.translations.sv as Record<string, unknown>).extra = true;
		const refused = await upload(cookie, 'broken.json', bundleText(broken));
		expect(refused.status).toBe(400);
		expect(refused.text).toContain('broken.json was not saved');
		expect(refused.text).toMatch(/4:3<\/td>/);
		expect(refused.text).toContain('translations.sv.extra');
		expect((await upload(cookie, 'empty.json', '')).status).toBe(400);
		expect(await versions(id)).toEqual([]);

		const done = await upload(cookie, 'good.json', bundleText(await fixtureBundle(id)));
		expect(done.status).toBe(303);
		expect(done.headers.location).toBe(`/operator/models/${id}/1.0?done=uploaded`);
		expect(await versions(id)).toEqual([{ status: 'draft', file_name: 'good.json' }]);
		const draft = await getPage(`/operator/models/${id}/1.0?lang=sv&p=2`, { cookie });
		expect(draft.status).toBe(200);
		expect(draft.text).toContain('Uppföljning');
		// A draft is not a model a round can use.
		const { cookie: admin } = await orgWithAdmin();
		const r = await call('POST', '/api/v1/rounds', { cookie: admin, json: { name: 'Draft model', launch: false, model: { id, version: '1.0' } } });
		expect(r.status).toBe(400);
		expect((await postForm(`/operator/models/${id}/1.0?/delete`, {}, { cookie })).status).toBe(303);
		expect(await versions(id)).toEqual([]);
	});
});

describe('POST /api/v1/rounds: the model', () => {
	it('takes a model version, or a model id for its newest version, and refuses an unknown one', async () => {
		const { cookie } = await orgWithAdmin();
		const byVersion = await call('POST', '/api/v1/rounds', { cookie, json: { name: 'Old model', launch: false, model: { id: 'sos', version: '1.0' } } });
		expect(byVersion.status).toBe(201);
		expect(byVersion.data.model).toEqual({ id: 'sos', version: '1.0' });
		const byId = await call('POST', '/api/v1/rounds', { cookie, json: { name: 'Newest', launch: false, modelId: 'sos' } });
		expect(byId.status).toBe(201);
		expect(byId.data.model).toEqual({ id: 'sos', version: '1.1' });
		const unknown = await call('POST', '/api/v1/rounds', { cookie, json: { name: 'Unknown', launch: false, modelId: 'nope' } });
		expect(unknown.status).toBe(400);
		expect(unknown.data.error.details).toEqual([{ path: 'modelId', message: 'No such model' }]);
		const malformed = await call('POST', '/api/v1/rounds', { cookie, json: { name: 'Bad', launch: false, modelId: 'Bad id!' } });
		expect(malformed.status).toBe(400);
	});
});
