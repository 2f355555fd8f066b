import { describe, expect, it } from 'vitest';
import { db } from '$lib/server/db';
import { createScimToken, revokeScimToken } from '$lib/server/scim/tokens';
import { createApiToken } from '$lib/server/api-tokens/tokens';
import { saveScimSettings } from '$lib/server/scim/settings';
import { listScimEvents } from '$lib/server/scim/events';
import { uniqueEmail } from '$tests/fixtures';
import { baseUrl } from '../support/http';
import { emailsTo, waitForEmail } from '../support/mailbox';
import { apiClient } from '../support/api-client';
import { auditActions, freshIp, getPage, memberWithPassword, orgWithAdmin, postForm, raw, sessionFrom } from './helpers';

const CORE = 'urn:ietf:params:scim:schemas:core:2.0:User';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';

/** A SCIM call as Entra makes it: bearer token, application/scim+json, no cookie, no Origin. */
async function scim(method: string, path: string, token: string | null, json?: unknown, headers: Record<string, string> = {}) {
	const h: Record<string, string> = { accept: 'application/scim+json', ...headers };
	if (token) h.authorization = `Bearer ${token}`;
	if (json !== undefined) h['content-type'] ??= 'application/scim+json';
	const r = await raw(method, `/scim/v2${path}`, { headers: h, body: json === undefined ? undefined : typeof json === 'string' ? json : JSON.stringify(json) });
	return { status: r.status, type: String(r.headers['content-type'] ?? ''), data: r.text ? JSON.parse(r.text) : null };
}

async function orgWithScim() {
	const o = await orgWithAdmin();
	const token = await createScimToken({ organizationId: o.org.id, actor: o.admin });
	return { ...o, token: token.secret };
}

const patch = (...ops: unknown[]) => ({ schemas: [PATCH_OP], Operations: ops });

/** The body Entra POSTs for a new person (its default attribute mappings). */
function entraUser(email: string, extra: Record<string, unknown> = {}) {
	return {
		schemas: [CORE, ENTERPRISE],
		externalId: `ext-${email}`,
		userName: email,
		active: true,
		displayName: 'Ann Berg',
		title: 'Sales manager',
		emails: [{ primary: true, type: 'work', value: email }],
		name: { formatted: 'Ann Berg', familyName: 'Berg', givenName: 'Ann' },
		preferredLanguage: 'sv-SE',
		addresses: [{ type: 'work', country: 'SE' }],
		[ENTERPRISE]: { department: 'Nordics/Stockholm', employeeNumber: '17' },
		...extra
	};
}

async function userRow(organizationId: string, id: string) {
	return db()
		.selectFrom('users')
		.leftJoin('units', (j) => j.onRef('units.organization_id', '=', 'users.organization_id').onRef('units.id', '=', 'users.unit_id'))
		.select(['users.name', 'users.email', 'users.language', 'users.job_role', 'users.deactivated_at', 'users.external_id', 'units.name as unit'])
		.where('users.organization_id', '=', organizationId)
		.where('users.id', '=', id)
		.executeTakeFirstOrThrow();
}

function expectScimError(r: { status: number; type: string; data: Record<string, unknown> }, status: number, scimType?: string) {
	expect(r.status).toBe(status);
	expect(r.type).toContain('application/scim+json');
	expect(r.data.schemas).toEqual([ERROR]);
	expect(r.data.status).toBe(String(status));
	if (scimType) expect(r.data.scimType).toBe(scimType);
	expect(typeof r.data.detail).toBe('string');
}

describe('SCIM 2.0 provisioning', () => {
	it('replays Entra: looks the person up, creates, updates with its quirks, moves the unit, deactivates, reactivates and reassigns', async () => {
		const { org, token, cookie } = await orgWithScim();
		const email = uniqueEmail('ann');
		// 1. Entra asks whether the person exists: an empty ListResponse.
		const lookup = await scim('GET', `/Users?filter=${encodeURIComponent(`userName eq "${email.toUpperCase()}"`)}`, token);
		expect(lookup.status).toBe(200);
		expect(lookup.type).toContain('application/scim+json');
		expect(lookup.data).toEqual({
			schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
			totalResults: 0,
			itemsPerPage: 0,
			startIndex: 1,
			Resources: []
		});
		// 2. … and creates them: the unit path from the department (units created), the job role from the title.
		const created = await scim('POST', '/Users', token, entraUser(email.toUpperCase()));
		expect(created.status).toBe(201);
		const id = created.data.id as string;
		expect(created.data).toMatchObject({ userName: email, active: true, externalId: `ext-${email.toUpperCase()}`, name: { formatted: 'Ann Berg' } });
		expect(created.data[ENTERPRISE]).toEqual({ department: 'Nordics/Stockholm' });
		expect(created.data.meta).toMatchObject({ resourceType: 'User', location: expect.stringMatching(new RegExp(`/scim/v2/Users/${id}$`)) });
		expect(await userRow(org.id, id)).toMatchObject({
			name: 'Ann Berg',
			email,
			language: 'sv',
			job_role: 'sales_manager',
			unit: 'Stockholm',
			deactivated_at: null
		});
		// Found now, by userName and by externalId.
		const found = await scim('GET', `/Users?filter=${encodeURIComponent(`userName eq "${email}"`)}`, token);
		expect(found.data).toMatchObject({ totalResults: 1, itemsPerPage: 1, Resources: [{ id, userName: email }] });
		const byExt = await scim('GET', `/Users?filter=${encodeURIComponent(`externalId eq "ext-${email.toUpperCase()}"`)}`, token);
		expect(byExt.data.Resources.map((u: { id: string }) => u.id)).toEqual([id]);
		expect((await scim('GET', `/Users/${id}`, token)).data).toMatchObject({ id, userName: email, active: true });

		// 3. An update as Entra sends it: "Replace" ops, a multi-attribute value without a path (enterprise key
		// included), a work-email path, name.givenName.
		const moved = await scim(
			'PATCH',
			`/Users/${id}`,
			token,
			patch(
				{ op: 'Replace', path: 'emails[type eq "work"].value', value: email },
				{ op: 'Replace', value: { displayName: 'Ann Berg-Lind', [`${ENTERPRISE}:department`]: 'Nordics / Oslo', 'name.familyName': 'Berg-Lind' } },
				{ op: 'Replace', path: 'name.givenName', value: 'Ann' }
			)
		);
		expect(moved.status).toBe(200);
		expect(moved.data[ENTERPRISE]).toEqual({ department: 'Nordics/Oslo' });
		expect(await userRow(org.id, id)).toMatchObject({ name: 'Ann Berg-Lind', unit: 'Oslo', job_role: 'sales_manager' });
		// The same parent unit was matched, not made twice.
		const units = await db().selectFrom('units').select(['name', 'parent_id']).where('organization_id', '=', org.id).orderBy('name').execute();
		expect(units.map((u) => u.name)).toEqual(['Nordics', 'Oslo', 'Stockholm']);

		// 4. Deactivation: PATCH active "False" (a string, as Entra sends it).
		const off = await scim('PATCH', `/Users/${id}`, token, patch({ op: 'Replace', path: 'active', value: 'False' }));
		expect(off.status).toBe(200);
		expect(off.data.active).toBe(false);
		expect((await userRow(org.id, id)).deactivated_at).toBeInstanceOf(Date);
		// The admin's user list shows them as deactivated, history kept.
		const listPage = await getPage('/app/users', { cookie });
		expect(listPage.text).toContain('Deactivated');
		// 5. Reactivation with "True", and a reassignment: a new job title.
		const on = await scim(
			'PATCH',
			`/Users/${id}`,
			token,
			patch({ op: 'replace', path: 'active', value: 'True' }, { op: 'Add', path: 'title', value: 'Säljare' })
		);
		expect(on.status).toBe(200);
		expect(on.data.active).toBe(true);
		expect(await userRow(org.id, id)).toMatchObject({ deactivated_at: null, job_role: 'sales_person' });

		// Every change is in the audit log with the token as its actor, and in the provisioning events.
		const audit = (await auditActions(org.id)).filter((e) => e.actor.startsWith('SCIM token'));
		expect(audit.map((e) => e.action)).toEqual([
			'unit_created',
			'user_created',
			'unit_created',
			'user_updated',
			'user_deactivated',
			'user_updated',
			'user_reactivated'
		]);
		expect(audit.filter((e) => e.action === 'unit_created').map((e) => e.target)).toEqual(['Nordics / Stockholm', 'Nordics / Oslo']);
		const events = await listScimEvents({ organizationId: org.id });
		expect(events.map((e) => e.action)).toEqual(['reactivated', 'deactivated', 'updated', 'created']);
		expect(events.every((e) => e.userId === id && !e.detail.includes(email))).toBe(true);
	});

	it('PUT replaces, DELETE deactivates (the person and their history stay), and the mappings follow the settings', async () => {
		const { org, admin, token } = await orgWithScim();
		await saveScimSettings({ organizationId: org.id, actor: admin, input: { unitAttribute: 'division', jobRoleAttribute: 'userType' } });
		const email = uniqueEmail('bo');
		const created = await scim(
			'POST',
			'/Users',
			token,
			entraUser(email, { userType: 'seller', [ENTERPRISE]: { department: 'Ignored', division: 'West' }, name: { givenName: 'Bo', familyName: 'Ek' } })
		);
		expect(created.status).toBe(201);
		const id = created.data.id;
		// name.formatted absent: givenName + familyName.
		expect(await userRow(org.id, id)).toMatchObject({ name: 'Bo Ek', unit: 'West', job_role: 'sales_person' });
		const put = await scim('PUT', `/Users/${id}`, token, {
			schemas: [CORE],
			userName: email,
			name: { formatted: 'Bo Eklund' },
			userType: 'Manager',
			active: true
		});
		expect(put.status).toBe(200);
		expect(await userRow(org.id, id)).toMatchObject({ name: 'Bo Eklund', unit: 'West', job_role: 'sales_manager' });
		expect((await scim('DELETE', `/Users/${id}`, token)).status).toBe(204);
		const after = await scim('GET', `/Users/${id}`, token);
		expect(after.data.active).toBe(false);
		expect((await auditActions(org.id)).some((e) => e.action === 'user_deactivated' && e.target === email)).toBe(true);
		expect((await auditActions(org.id)).some((e) => e.action === 'scim_settings_changed')).toBe(true);
	});

	it('two new people of one new department at once: both created, in one unit', async () => {
		const { org, token } = await orgWithScim();
		const posts = await Promise.all(
			['x', 'y', 'z'].map((n) =>
				scim('POST', '/Users', token, { schemas: [CORE], userName: uniqueEmail(n), [ENTERPRISE]: { department: 'New area/New team' } })
			)
		);
		expect(posts.map((p) => p.status)).toEqual([201, 201, 201]);
		const units = await db().selectFrom('units').select('name').where('organization_id', '=', org.id).orderBy('name').execute();
		expect(units.map((u) => u.name)).toEqual(['New area', 'New team']);
		expectScimError(await scim('GET', `/Users?filter=${encodeURIComponent('userName eq "a\\u0000b"')}`, token), 400, 'invalidFilter');
	});

	it('pages with startIndex and count', async () => {
		const { org, token } = await orgWithScim();
		for (let i = 0; i < 4; i++) expect((await scim('POST', '/Users', token, { schemas: [CORE], userName: uniqueEmail(`p${i}`) })).status).toBe(201);
		// 5 people: the admin and the 4.
		const page = await scim('GET', '/Users?startIndex=2&count=2', token);
		expect(page.data).toMatchObject({ totalResults: 5, itemsPerPage: 2, startIndex: 2 });
		const all = await scim('GET', '/Users', token);
		expect(all.data.Resources.slice(1, 3).map((u: { id: string }) => u.id)).toEqual(page.data.Resources.map((u: { id: string }) => u.id));
		expect((await scim('GET', '/Users?startIndex=5&count=10', token)).data).toMatchObject({ totalResults: 5, itemsPerPage: 1 });
		expect((await scim('GET', '/Users?count=0', token)).data).toMatchObject({ totalResults: 5, itemsPerPage: 0, Resources: [] });
		expect(org.id).toBeTruthy();
	});

	it('answers 401 without a token, with a wrong one, with an API token and with a revoked one', async () => {
		const { org, admin, token } = await orgWithScim();
		expectScimError(await scim('GET', '/Users', null), 401);
		expectScimError(await scim('GET', '/Users', `${token.slice(0, -1)}${token.endsWith('a') ? 'b' : 'a'}`), 401);
		const apiToken = await createApiToken({ organizationId: org.id, actor: admin, input: { name: 'not for SCIM' } });
		expectScimError(await scim('GET', '/Users', apiToken.secret), 401);
		expectScimError(await scim('GET', '/Users', "scim_' OR 1=1 --"), 401);
		expectScimError(await scim('POST', '/Users', null, { userName: uniqueEmail() }), 401);
		const [row] = await db().selectFrom('scim_tokens').select('id').where('organization_id', '=', org.id).execute();
		await revokeScimToken({ organizationId: org.id, actor: admin, tokenId: row.id });
		expectScimError(await scim('GET', '/Users', token), 401);
		// Discovery documents describe the service and need no token.
		const spc = await scim('GET', '/ServiceProviderConfig', null);
		expect(spc.data).toMatchObject({ patch: { supported: true }, filter: { supported: true }, bulk: { supported: false } });
		const schemas = await scim('GET', '/Schemas', null);
		expect(schemas.data.Resources.map((s: { id: string }) => s.id)).toEqual([CORE, ENTERPRISE]);
		const types = await scim('GET', '/ResourceTypes', null);
		expect(types.data.Resources[0]).toMatchObject({ id: 'User', endpoint: '/Users', schema: CORE });
	});

	it("answers 404 for another organization's person, exactly as for no one, and changes nothing", async () => {
		const a = await orgWithScim();
		const b = await orgWithScim();
		const bUser = await scim('POST', '/Users', b.token, { schemas: [CORE], userName: uniqueEmail('b'), displayName: 'B person' });
		const id = bUser.data.id;
		for (const [method, body] of [
			['GET', undefined],
			['PUT', { schemas: [CORE], userName: uniqueEmail('x'), displayName: 'Taken over' }],
			['PATCH', patch({ op: 'replace', path: 'active', value: false })],
			['DELETE', undefined]
		] as const) {
			const r = await scim(method, `/Users/${id}`, a.token, body);
			expectScimError(r, 404);
			const none = await scim(method, `/Users/00000000-0000-4000-8000-000000000000`, a.token, body);
			expect(none.data.detail).toBe(r.data.detail);
		}
		expect((await scim('GET', `/Users?filter=${encodeURIComponent(`userName eq "${bUser.data.userName}"`)}`, a.token)).data.totalResults).toBe(0);
		expect((await scim('GET', `/Users/${id}`, b.token)).data).toMatchObject({ displayName: 'B person', active: true });
	});

	it('answers bad input with 400 and a SCIM error body, a duplicate with 409 uniqueness, and logs the refusals without the email', async () => {
		const { org, token } = await orgWithScim();
		const email = uniqueEmail('dup');
		expect((await scim('POST', '/Users', token, { schemas: [CORE], userName: email })).status).toBe(201);
		expectScimError(await scim('POST', '/Users', token, { schemas: [CORE], userName: email.toUpperCase() }), 409, 'uniqueness');
		expectScimError(await scim('POST', '/Users', token, { schemas: [CORE], displayName: 'No userName' }), 400, 'invalidValue');
		expectScimError(await scim('POST', '/Users', token, { schemas: [CORE], userName: 'not an email' }), 400, 'invalidValue');
		expectScimError(await scim('POST', '/Users', token, { schemas: [CORE], userName: uniqueEmail(), active: 'maybe' }), 400, 'invalidValue');
		expectScimError(await scim('POST', '/Users', token, '{"userName": '), 400, 'invalidSyntax');
		expectScimError(await scim('POST', '/Users', token, { userName: uniqueEmail() }, { 'content-type': 'text/plain' }), 400, 'invalidSyntax');
		expectScimError(await scim('GET', `/Users?filter=${encodeURIComponent('emails co "x"')}`, token), 400, 'invalidFilter');
		expectScimError(await scim('GET', `/Users?startIndex=abc`, token), 400, 'invalidValue');
		const id = (await scim('GET', `/Users?filter=${encodeURIComponent(`userName eq "${email}"`)}`, token)).data.Resources[0].id;
		expectScimError(await scim('PATCH', `/Users/${id}`, token, patch({ op: 'replace', path: 'nickname[', value: 'x' })), 400, 'invalidPath');
		expectScimError(await scim('PATCH', `/Users/${id}`, token, patch({ op: 'move', path: 'title', value: 'x' })), 400, 'invalidSyntax');
		expectScimError(await scim('PATCH', `/Users/${id}`, token, { schemas: [PATCH_OP] }), 400, 'invalidSyntax');
		expectScimError(await scim('PATCH', `/Users/${id}`, token, patch({ op: 'remove' })), 400, 'noTarget');
		expectScimError(await scim('PATCH', `/Users/${id}`, token, patch({ op: 'replace', path: 'userName', value: null })), 400, 'invalidValue');
		// A unit path deeper than the organization's three levels.
		expectScimError(
			await scim('PATCH', `/Users/${id}`, token, patch({ op: 'replace', path: `${ENTERPRISE}:department`, value: 'a/b/c/d' })),
			400,
			'invalidValue'
		);
		const events = await listScimEvents({ organizationId: org.id });
		expect(events.filter((e) => e.action === 'refused').length).toBeGreaterThanOrEqual(12);
		expect(events.some((e) => e.status === 409 && e.detail.includes('uniqueness'))).toBe(true);
		expect(events.every((e) => !e.detail.includes(email))).toBe(true);
	});

	it('never moves an admin’s or a viewer’s place to another email, nor deactivates them', async () => {
		const { org, admin, token } = await orgWithScim();
		const id = admin.membership!.userId;
		const before = await userRow(org.id, id);
		expectScimError(await scim('PATCH', `/Users/${id}`, token, patch({ op: 'Replace', path: 'userName', value: uniqueEmail('attacker') })), 400, 'mutability');
		expectScimError(await scim('PATCH', `/Users/${id}`, token, patch({ op: 'Replace', path: 'active', value: 'False' })), 400, 'mutability');
		expectScimError(await scim('DELETE', `/Users/${id}`, token), 400, 'mutability');
		expect(await userRow(org.id, id)).toEqual(before);
		// Their name may still follow the identity provider.
		expect((await scim('PATCH', `/Users/${id}`, token, patch({ op: 'Replace', path: 'displayName', value: 'Ada Admin' }))).status).toBe(200);
	});

	it('respects the trial limit as the form does: a refused creation is a SCIM error and adds no one', async () => {
		const { org, token } = await orgWithScim();
		await db().insertInto('subscriptions').values({ organization_id: org.id, plan: 'trial', trial_ends_on: '2999-01-01', trial_user_limit: 2 }).execute();
		const first = await scim('POST', '/Users', token, { schemas: [CORE], userName: uniqueEmail('t1') });
		expect(first.status).toBe(201);
		const refused = await scim('POST', '/Users', token, { schemas: [CORE], userName: uniqueEmail('t2') });
		expectScimError(refused, 403);
		expect(refused.data.detail).toContain('trial covers up to 2 people');
		// A deactivated person frees their place; reactivating takes one again (and is refused when full).
		expect((await scim('PATCH', `/Users/${first.data.id}`, token, patch({ op: 'replace', path: 'active', value: false }))).status).toBe(200);
		const second = await scim('POST', '/Users', token, { schemas: [CORE], userName: uniqueEmail('t3') });
		expect(second.status).toBe(201);
		expectScimError(await scim('PATCH', `/Users/${first.data.id}`, token, patch({ op: 'replace', path: 'active', value: true })), 403);
		const count = await db()
			.selectFrom('users')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('organization_id', '=', org.id)
			.executeTakeFirstOrThrow();
		expect(Number(count.n)).toBe(3);
		// Billable presence: the deactivated person's stretch is closed.
		const open = await db().selectFrom('billable_presence').select('email').where('organization_id', '=', org.id).where('until_at', 'is', null).execute();
		expect(open.map((p) => p.email)).not.toContain(first.data.userName);
		expect(open).toHaveLength(2);
	});

	it('a deactivated person cannot sign in, loses their session, and is not invited to a new round', async () => {
		const { org, token, cookie } = await orgWithScim();
		const PASSWORD = 'correct horse battery staple';
		const member = await memberWithPassword(org.id, 'participant', PASSWORD);
		const signIn = () => postForm('/signin', { email: member.email, password: PASSWORD }, { ip: freshIp() });
		const session = sessionFrom(await signIn());
		expect(session).toBeTruthy();
		// Two participants in a team; one is deactivated.
		const team = await db().insertInto('units').values({ organization_id: org.id, name: 'Team' }).returning('id').executeTakeFirstOrThrow();
		const ids: string[] = [];
		for (const n of ['one', 'two'])
			ids.push((await scim('POST', '/Users', token, { schemas: [CORE], userName: uniqueEmail(n), title: 'Sales person' })).data.id);
		await db().updateTable('users').set({ unit_id: team.id }).where('organization_id', '=', org.id).where('id', 'in', ids).execute();
		const memberId = (await scim('GET', `/Users?filter=${encodeURIComponent(`userName eq "${member.email}"`)}`, token)).data.Resources[0].id;
		for (const id of [ids[1], memberId])
			expect((await scim('PATCH', `/Users/${id}`, token, patch({ op: 'Replace', value: { active: 'False' } }))).status).toBe(200);
		// No sign-in, and the open session ends.
		const refused = await signIn();
		expect(refused.status).toBe(400);
		expect(sessionFrom(refused)).toBeNull();
		expect((await apiClient(baseUrl(), { cookie: session! }).GET('/units')).response.status).toBe(401);
		// A new round invites only the active participant.
		const round = await apiClient(baseUrl(), { cookie }).POST('/rounds', { body: { name: 'Spring', participants: { mode: 'all' } } });
		expect(round.response.status, JSON.stringify(round.error)).toBe(201);
		expect(round.data!.invited).toBe(1);
	});

	it('someone deactivated while a round is open gets no reminder', async () => {
		const { org, token, cookie } = await orgWithScim();
		const team = await db().insertInto('units').values({ organization_id: org.id, name: 'Team' }).returning('id').executeTakeFirstOrThrow();
		const people = [uniqueEmail('stays'), uniqueEmail('leaves')];
		const ids: string[] = [];
		for (const email of people) ids.push((await scim('POST', '/Users', token, { schemas: [CORE], userName: email, title: 'Sales person' })).data.id);
		await db().updateTable('users').set({ unit_id: team.id }).where('organization_id', '=', org.id).where('id', 'in', ids).execute();
		const api = apiClient(baseUrl(), { cookie });
		const round = (await api.POST('/rounds', { body: { name: 'Spring', participants: { mode: 'all' } } })).data!;
		for (const email of people) await waitForEmail(email);
		expect((await scim('PATCH', `/Users/${ids[1]}`, token, patch({ op: 'Replace', path: 'active', value: 'False' }))).status).toBe(200);
		expect((await api.POST('/rounds/{id}/remind', { params: { path: { id: round.id } } })).response.status).toBe(200);
		await waitForEmail(people[0], 2);
		await new Promise((r) => setTimeout(r, 500));
		expect(emailsTo(people[1])).toHaveLength(1);
	});
});

describe('the provisioning page', () => {
	it('is for admins only; creates a token shown once, saves mappings, refuses bad input and other organizations’ tokens', async () => {
		const { org, admin, cookie } = await orgWithAdmin();
		const other = await orgWithScim();
		const anon = await getPage('/app/settings/provisioning');
		expect(anon.status).toBe(303);
		expect(anon.location).toMatch(/^\/signin/);
		expect((await postForm('/app/settings/provisioning?/createToken', {})).status).toBe(303);
		const { createTestActor } = await import('$tests/fixtures');
		const { sessionCookie } = await import('../support/http');
		const viewerCookie = await sessionCookie(await createTestActor(org.id, 'viewer'));
		expect((await getPage('/app/settings/provisioning', { cookie: viewerCookie })).status).toBe(403);
		expect((await postForm('/app/settings/provisioning?/createToken', {}, { cookie: viewerCookie })).status).toBe(403);
		expect(await db().selectFrom('scim_tokens').select('id').where('organization_id', '=', org.id).execute()).toEqual([]);

		const created = await postForm('/app/settings/provisioning?/createToken', {}, { cookie });
		expect(created.status).toBe(200);
		const secret = /scim_[a-z2-7]+_[a-z2-7]+/.exec(created.text)?.[0];
		expect(secret).toBeTruthy();
		expect((await scim('GET', '/Users', secret!)).status).toBe(200);
		const page = await getPage('/app/settings/provisioning', { cookie });
		expect(page.status).toBe(200);
		expect(page.text).not.toContain(secret!);
		expect(page.text).toContain('/scim/v2');

		const bad = await postForm('/app/settings/provisioning?/mappings', { unitAttribute: 'salary', jobRoleAttribute: 'title' }, { cookie });
		expect(bad.status).toBe(400);
		const good = await postForm('/app/settings/provisioning?/mappings', { unitAttribute: 'none', jobRoleAttribute: 'userType' }, { cookie });
		expect(good.status).toBe(200);
		expect(await db().selectFrom('scim_settings').select(['unit_attribute', 'job_role_attribute']).where('organization_id', '=', org.id).execute()).toEqual([
			{ unit_attribute: 'none', job_role_attribute: 'userType' }
		]);

		const [theirs] = await db().selectFrom('scim_tokens').select('id').where('organization_id', '=', other.org.id).execute();
		expect((await postForm('/app/settings/provisioning?/revokeToken', { id: theirs.id }, { cookie })).status).toBe(404);
		expect((await scim('GET', '/Users', other.token)).status).toBe(200);
		expect(admin.membership!.organizationId).toBe(org.id);
	});
});
