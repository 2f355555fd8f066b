import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { baseUrl, call } from '../support/http';
import { apiClient } from '../support/api-client';
import { orgWithAdmin } from './helpers';

type Doc = {
	openapi: string;
	servers: { url: string }[];
	paths: Record<string, Record<string, { responses?: Record<string, unknown> }>>;
	components: { schemas: Record<string, { properties?: Record<string, unknown>; additionalProperties?: unknown; required?: string[] }> };
};

const METHODS = ['get', 'post', 'patch', 'delete', 'put'];

describe('/api/v1/openapi.json', () => {
	it('is public JSON describing this server', async () => {
		const r = await call('GET', '/api/v1/openapi.json');
		expect(r.status).toBe(200);
		expect(r.headers.get('content-type')).toMatch(/^application\/json/);
		const doc = r.data as Doc;
		expect(doc.openapi).toBe('3.1.0');
		expect(doc.servers).toEqual([{ url: `${baseUrl()}/api/v1` }]);
		expect(Object.keys(doc.paths).sort()).toEqual(
			[
				'/units',
				'/units/{id}',
				'/units/{id}/merge',
				'/users',
				'/users/{id}',
				'/users/import',
				'/users/import/{id}',
				'/users/import/{id}/apply',
				'/users/import/template',
				'/rounds',
				'/rounds/{id}',
				'/rounds/{id}/launch',
				'/rounds/{id}/close',
				'/rounds/{id}/extend',
				'/rounds/{id}/remind',
				'/rounds/{id}/response-rates',
				'/questions',
				'/questions/{id}',
				'/survey/submit',
				'/results',
				'/results/{round}/units/{unit}',
				'/results/{round}/heatmap',
				'/results/{round}/cuts',
				'/results/trend/{unit}',
				'/benchmarks',
				'/actions',
				'/actions/{id}',
				'/actions/{id}/notes',
				'/decisions',
				'/decisions/{id}',
				'/exports',
				'/exports/{id}',
				'/exports/{id}/file',
				'/kpis',
				'/kpis/starter',
				'/kpis/values',
				'/kpis/changes',
				'/kpis/board',
				'/kpis/board/export',
				'/kpis/alarms',
				'/kpis/reviews',
				'/kpis/reviews/{id}',
				'/kpis/reviews/{id}/corrections',
				'/kpis/reviews/{id}/close',
				'/kpis/corrections',
				'/kpis/agenda',
				'/experiments',
				'/experiments/{id}',
				'/results/{round}/alignment',
				'/billing',
				'/billing/invoices',
				'/billing/invoices/{id}',
				'/operator/billing',
				'/operator/billing/invoices',
				'/users/{id}/erasure',
				'/organization/export',
				'/organization/retention'
			].sort()
		);
	});

	it('every documented operation exists and refuses anonymous callers with 401', async () => {
		const doc = (await call('GET', '/api/v1/openapi.json')).data as Doc;
		for (const [path, item] of Object.entries(doc.paths)) {
			for (const method of Object.keys(item).filter((k) => METHODS.includes(k))) {
				expect(item[method].responses, `${method} ${path}`).toHaveProperty('401');
				const r = await call(method.toUpperCase(), `/api/v1${path.replace(/\{\w+\}/g, () => randomUUID())}`);
				expect(r.status, `${method} ${path}`).toBe(401);
			}
		}
	});

	it('request schemas match what the API accepts, and response schemas name what it returns', async () => {
		const doc = (await call('GET', '/api/v1/openapi.json')).data as Doc;
		const s = doc.components.schemas;
		expect(s.UnitInput.additionalProperties).toBe(false);
		expect(s.UnitInput.required).toEqual(['name']);
		expect(s.UnitInput.properties!.name).toMatchObject({ type: 'string', maxLength: 120, minLength: 1 });
		expect(s.UserInput.required).toEqual(['name', 'email']);
		expect(s.UserPatch.required ?? []).toEqual([]);

		const { cookie } = await orgWithAdmin();
		const api = apiClient(baseUrl(), { cookie });
		const unit = (await api.POST('/units', { body: { name: 'Doc' } })).data!;
		expect(Object.keys(unit).sort()).toEqual(Object.keys(s.Unit.properties!).sort());
		const user = (await api.GET('/users')).data!;
		expect(Object.keys(user).sort()).toEqual(Object.keys(s.UserList.properties!).sort());
		expect(Object.keys(user.users[0]).sort()).toEqual(Object.keys(s.User.properties!).sort());
		// Applying a preview that has row errors is a 400 (see the import tests): documented as such.
		expect(doc.paths['/users/import/{id}/apply'].post.responses).toHaveProperty('400');
	});

	it('is the checked-in src/lib/api-client/openapi.json, and every JSON answer is a named, closed output schema', async () => {
		const doc = (await call('GET', '/api/v1/openapi.json')).data as Doc;
		const checkedIn = JSON.parse(readFileSync('src/lib/api-client/openapi.json', 'utf8'));
		expect({ ...doc, servers: checkedIn.servers }).toEqual(checkedIn);
		for (const [path, item] of Object.entries(doc.paths)) {
			for (const method of Object.keys(item).filter((k) => METHODS.includes(k))) {
				for (const [status, response] of Object.entries(item[method].responses ?? {}) as [
					string,
					{ content?: Record<string, { schema?: { $ref?: string } }> }
				][]) {
					const schema = response.content?.['application/json']?.schema;
					if (!status.startsWith('2') || !schema) continue;
					const name = schema.$ref?.replace('#/components/schemas/', '');
					expect(name, `${method} ${path} ${status}`).toBeDefined();
					expect(doc.components.schemas[name!].additionalProperties, name).toBe(false);
				}
			}
		}
	});
});
