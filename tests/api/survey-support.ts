import { expect } from 'vitest';
import { db } from '$lib/server/db';
import { createTestActor, createTestOrganization, uniqueEmail } from '$tests/fixtures';
import { createRound } from '$lib/server/rounds/create';
import { invitationToken } from '$lib/server/rounds/links';
import { getModel } from '$lib/server/models/registry';
import { areaOrder } from '$lib/survey/rotation';
import { baseUrl } from '../support/http';
import { freshIp, normalizePage, raw as rawRequest, type RawResponse } from './helpers';

/** An organization with one team of people and an open round (its invitation tokens in email order). */
export async function openRound(opts: { people?: number; questions?: string[]; language?: 'en' | 'sv' } = {}) {
	const org = await createTestOrganization();
	const admin = await createTestActor(org.id, 'admin');
	const team = await db().insertInto('units').values({ organization_id: org.id, name: 'Team North' }).returning('id').executeTakeFirstOrThrow();
	const people = Array.from({ length: opts.people ?? 3 }, (_, i) => ({
		organization_id: org.id,
		name: `Secret Person ${i}`,
		email: uniqueEmail(`p${i}`),
		language: opts.language ?? ('en' as const),
		unit_id: team.id,
		job_role: 'sales_person' as const,
		access: 'participant' as const
	}));
	await db().insertInto('users').values(people).execute();
	const r = await createRound({
		organizationId: org.id,
		actor: admin,
		input: { name: 'Autumn pulse', questions: (opts.questions ?? []).map((key) => ({ source: 'standard', key })) }
	});
	const invitations = await db()
		.selectFrom('invitations')
		.select(['id', 'email'])
		.where('organization_id', '=', org.id)
		.where('round_id', '=', r.id)
		.orderBy('email')
		.execute();
	const tokens = await Promise.all(invitations.map((i) => invitationToken({ organizationId: org.id, invitationId: i.id })));
	const model = await getModel(r.modelId, r.modelVersion);
	// Each participant sees the areas in their own order (lib/survey/rotation.ts): page n shows area order[n - 1].
	const orders = invitations.map((i) => areaOrder(i.id, model.shape.areas.length));
	/** The page on which participant `p` (index into tokens) sees model area `area`. */
	const pageOf = (p: number, area: number) => orders[p].indexOf(area) + 1;
	return { org, admin, round: r, people, tokens, keys: model.statementKeys, model, orders, pageOf };
}

/**
 * A survey client with its own address (per-address limits do not leak between tests) and a cookie jar
 * for /s; `server` is another server's URL (default: the test server).
 */
export function surveyClient(server?: string) {
	const ip = freshIp();
	const port = server ? new URL(server).port : undefined;
	const origin = server ?? baseUrl();
	const raw = (method: string, path: string, opts: Parameters<typeof rawRequest>[2] = {}) => rawRequest(method, path, { ...opts, port });
	let cookie = '';
	const remember = (res: RawResponse) => {
		for (const c of res.setCookies) {
			const [pair] = c.split(';');
			const [name, value] = pair.split('=');
			const rest = cookie
				.split('; ')
				.filter((p) => p && !p.startsWith(`${name}=`))
				.join('; ');
			cookie = value ? [rest, pair].filter(Boolean).join('; ') : rest;
		}
		return res;
	};
	const headers = (extra: Record<string, string> = {}) => ({ ...(cookie ? { cookie } : {}), ...extra });
	const parsed = (res: RawResponse) => {
		let data: any = null;
		try {
			data = res.text ? JSON.parse(res.text) : null;
		} catch {
			data = res.text;
		}
		return { ...res, data };
	};
	return {
		ip,
		cookie: () => cookie,
		get: async (path: string) => remember(await raw('GET', path, { headers: headers({ accept: 'text/html' }), ip })),
		form: async (path: string, fields: [string, string][], from = origin) =>
			remember(
				await raw('POST', path, {
					headers: headers({ 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin: from }),
					body: new URLSearchParams(fields).toString(),
					ip
				})
			),
		json: async (path: string, body: unknown, extra: Record<string, string> = {}) =>
			parsed(
				await raw('POST', path, {
					headers: headers({ 'content-type': 'application/json', origin, ...extra }),
					body: typeof body === 'string' ? body : JSON.stringify(body),
					ip
				})
			),
		/** Opens the emailed link, as a browser would: the token is exchanged for a cookie. */
		open: async (token: string) => {
			const res = remember(await raw('GET', `/s/${token}`, { headers: headers({ accept: 'text/html' }), ip }));
			expect(res.status).toBe(303);
			return res;
		}
	};
}

/** The page without its per-response nonce and with asset paths made absolute. */
export const samePage = (html: string) => normalizePage(html).replace(/(href|src)="(\.\.?\/)+/g, '$1="/');

export async function draftOf(organizationId: string) {
	return db().selectFrom('drafts').select(['answers', 'question_answers']).where('organization_id', '=', organizationId).executeTakeFirst();
}
