import { describe, expect, it } from 'vitest';
import { storedResponses } from '$tests/stored-responses';
import { db } from '$lib/server/db';
import { createApiToken } from '$lib/server/api-tokens/tokens';
import { baseUrl, call } from '../support/http';
import { orgWithAdmin, raw } from './helpers';
import { openRound, surveyClient } from './survey-support';

/**
 * The API fuzz walk: every operation of /api/v1/openapi.json, as an admin API token of a fresh
 * organization, with hostile path parameters, query parameters and JSON bodies (seeded, so every run
 * sends the same requests). No answer may be a 5xx, and every refusal is a JSON error body.
 */

type Schema = {
	$ref?: string;
	type?: string | string[];
	enum?: unknown[];
	format?: string;
	properties?: Record<string, Schema>;
	items?: Schema;
	anyOf?: Schema[];
	oneOf?: Schema[];
	allOf?: Schema[];
	minimum?: number;
	minItems?: number;
	default?: unknown;
};
type Parameter = { name: string; in: string; required?: boolean; schema?: Schema };
type Operation = { operationId?: string; parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: Schema }> } };
type Doc = { paths: Record<string, Record<string, Operation | Parameter[]>>; components: { schemas: Record<string, Schema> } };

/** mulberry32: a small seeded generator, so the walk is the same on every run. */
function rng(seed: number) {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const deep = (n: number): unknown => (n === 0 ? 'x' : { a: deep(n - 1) });
const HOSTILE_STRINGS = [
	'\ud800',
	'a\udc00b',
	'nul\u0000byte',
	'\u202Egnp.exe\u202C',
	'\u200f\u200e\u061c',
	'e\u0301\u0301\u0301',
	'𝔘𝔫𝔦𝔠𝔬𝔡𝔢 🤷🏽‍♀️',
	'x'.repeat(20_000),
	"' OR 1=1 --",
	'"; DROP TABLE units; --',
	"\\'; SELECT pg_sleep(5); --",
	'%00',
	'%E0%A4%A',
	'../../../etc/passwd',
	'<script>alert(1)</script>',
	'=HYPERLINK("http://evil")',
	'${7*7}{{7*7}}',
	'',
	' ',
	'\t\r\n',
	'NaN',
	'-1',
	'1e309',
	'00000000-0000-0000-0000-000000000000',
	'ffffffff-ffff-ffff-ffff-ffffffffffff',
	'import:00000000-0000-0000-0000-000000000000',
	'__proto__',
	'constructor'
];
const HOSTILE_VALUES: unknown[] = [
	...HOSTILE_STRINGS,
	-1,
	0,
	1.5,
	-1e308,
	1e308,
	2 ** 53 + 1,
	-(2 ** 31) - 1,
	true,
	false,
	null,
	[],
	[null],
	{},
	{ $gt: '' },
	['\ud800'],
	deep(60),
	Array.from({ length: 5000 }, (_, i) => i)
];
// Raw (already encoded) path segments: malformed percent-encoding, NUL, traversal, odd Unicode.
const RAW_SEGMENTS = [
	'%E0%A4%A',
	'%ZZ',
	'%',
	'%00',
	'%ED%A0%80',
	'%C0%AF',
	'..%2F..%2Fetc',
	'%2e%2e',
	'%E2%80%AE',
	'a'.repeat(3000),
	'%20',
	'-1',
	'1e309',
	"'%20OR%201=1"
];

function resolve(doc: Doc, s: Schema | undefined): Schema {
	let x = s ?? {};
	for (let i = 0; x.$ref && i < 10; i++) x = doc.components.schemas[x.$ref.split('/').pop()!] ?? {};
	return x;
}

/** A plausible value for a schema, with real ids where the schema asks for a uuid. */
function sample(doc: Doc, s: Schema | undefined, ids: string[], depth = 0): unknown {
	const x = resolve(doc, s);
	if (depth > 6) return null;
	if (x.enum) return x.enum.find((v) => v !== null) ?? null;
	const alt = x.anyOf ?? x.oneOf ?? x.allOf;
	if (alt) return sample(doc, alt.find((a) => resolve(doc, a).type !== 'null') ?? alt[0], ids, depth + 1);
	const type = Array.isArray(x.type) ? x.type.find((t) => t !== 'null') : x.type;
	switch (type) {
		case 'string':
			return x.format === 'uuid'
				? ids[0]
				: x.format === 'email'
					? 'fuzz@example.com'
					: x.format === 'date'
						? '2030-01-15'
						: x.format === 'date-time'
							? '2030-01-15T10:00:00Z'
							: 'Fuzz';
		case 'integer':
		case 'number':
			return x.minimum ?? 1;
		case 'boolean':
			return true;
		case 'array':
			return Array.from({ length: Math.max(1, x.minItems ?? 1) }, () => sample(doc, x.items, ids, depth + 1));
		case 'object':
		default: {
			if (!x.properties) return type === 'object' ? {} : 'Fuzz';
			return Object.fromEntries(Object.entries(x.properties).map(([k, v]) => [k, sample(doc, v, ids, depth + 1)]));
		}
	}
}

/** Where a (nested) property can be replaced: paths into the sample object. */
function leaves(value: unknown, path: string[] = [], out: string[][] = []): string[][] {
	if (path.length) out.push(path);
	if (value && typeof value === 'object' && path.length < 4) for (const [k, v] of Object.entries(value)) leaves(v, [...path, k], out);
	return out;
}

function withValue(base: unknown, path: string[], value: unknown): unknown {
	const copy = structuredClone(base) as Record<string, unknown>;
	let at = copy;
	for (const k of path.slice(0, -1)) at = at[k] as Record<string, unknown>;
	at[path[path.length - 1]] = value;
	return copy;
}

const safeEncode = (v: unknown) => {
	try {
		return encodeURIComponent(String(v));
	} catch {
		// A lone surrogate cannot be percent-encoded as UTF-8: send the bytes a client would send for it.
		return '%ED%A0%80';
	}
};

interface Probe {
	method: string;
	path: string;
	body?: string;
	/** Instead of the admin token (the participant side). */
	headers?: Record<string, string>;
	label: string;
}

describe('the API fuzz walk over the OpenAPI document', () => {
	it('answers every hostile request with a 4xx (or success) and a JSON error body, never a 5xx', async () => {
		const started = Date.now();
		const random = rng(20261206);
		const pick = <T>(list: T[], n: number) => {
			const copy = [...list];
			const out: T[] = [];
			while (out.length < n && copy.length) out.push(copy.splice(Math.floor(random() * copy.length), 1)[0]);
			return out;
		};
		const { org, admin } = await orgWithAdmin();
		const { secret } = await createApiToken({ organizationId: org.id, actor: admin, input: { name: 'fuzz' } });
		const auth = { authorization: `Bearer ${secret}` };

		// Real things to point at, so that requests get past "not found" into the domain code.
		const unit = await call('POST', '/api/v1/units', { token: secret, json: { name: 'Fuzz unit' } });
		const other = await call('POST', '/api/v1/units', { token: secret, json: { name: 'Fuzz other', parentId: unit.data.id } });
		const user = await call('POST', '/api/v1/users', {
			token: secret,
			json: { name: 'Fuzz person', email: 'fuzz-person@example.com', unitId: unit.data.id, jobRole: 'sales_person', access: 'participant', language: 'en' }
		});
		const round = await call('POST', '/api/v1/rounds', { token: secret, json: { name: 'Fuzz round' } });
		const question = await call('POST', '/api/v1/questions', { token: secret, json: { type: 'text', en: { text: 'Fuzz?' }, sv: { text: 'Fuzz?' } } });
		const idsFor = (path: string, name: string): string[] => {
			const byPath: [RegExp, string | undefined][] = [
				[/^\/units/, unit.data?.id],
				[/^\/users\/import/, undefined],
				[/^\/users/, user.data?.id],
				[/^\/rounds/, round.data?.id],
				[/^\/questions/, question.data?.id]
			];
			const id = name === 'round' ? round.data?.id : name === 'unit' ? unit.data?.id : byPath.find(([re]) => re.test(path))?.[1];
			return [id, other.data?.id, '00000000-0000-0000-0000-000000000000'].filter((x): x is string => typeof x === 'string');
		};

		const docRes = await call('GET', '/api/v1/openapi.json');
		expect(docRes.status).toBe(200);
		const doc = docRes.data as Doc;
		const probes: Probe[] = [];
		for (const [template, item] of Object.entries(doc.paths)) {
			const shared = (item.parameters as Parameter[] | undefined) ?? [];
			for (const [method, op] of Object.entries(item)) {
				if (method === 'parameters') continue;
				const o = op as Operation;
				const params = [...shared, ...(o.parameters ?? [])];
				const pathParams = params.filter((p) => p.in === 'path').map((p) => p.name);
				const query = params.filter((p) => p.in === 'query');
				const fill = (values: Record<string, string>) => '/api/v1' + template.replace(/\{(\w+)\}/g, (_, n: string) => values[n]);
				const valid = Object.fromEntries(pathParams.map((n) => [n, idsFor(template, n)[0] ?? '00000000-0000-0000-0000-000000000000']));
				const validQuery = query.filter((q) => q.required).map((q) => `${q.name}=${safeEncode(sample(doc, q.schema, idsFor(template, q.name)))}`);
				const base = fill(valid) + (validQuery.length ? `?${validQuery.join('&')}` : '');
				const label = `${method.toUpperCase()} ${template}`;
				const M = method.toUpperCase();
				const jsonSchema = o.requestBody?.content?.['application/json']?.schema;
				const goodBody = jsonSchema ? sample(doc, jsonSchema, idsFor(template, 'body')) : undefined;
				const bodyText = goodBody === undefined ? undefined : JSON.stringify(goodBody);

				// Path parameters: hostile values (encoded) and raw malformed segments.
				for (const name of pathParams) {
					for (const v of [...pick(HOSTILE_STRINGS, 6).map(safeEncode), ...RAW_SEGMENTS]) {
						probes.push({ method: M, path: fill({ ...valid, [name]: v }), body: bodyText, label: `${label} path ${name}=${v.slice(0, 30)}` });
					}
				}
				// Query parameters: each one hostile; unknown, repeated and array-style ones.
				for (const q of query) {
					for (const v of pick(HOSTILE_VALUES, 7)) {
						const rest = validQuery.filter((x) => !x.startsWith(`${q.name}=`));
						probes.push({
							method: M,
							path: `${fill(valid)}?${[...rest, `${q.name}=${safeEncode(typeof v === 'string' ? v : JSON.stringify(v))}`].join('&')}`,
							body: bodyText,
							label: `${label} query ${q.name}`
						});
					}
					probes.push({
						method: M,
						path: `${base}${base.includes('?') ? '&' : '?'}${q.name}=a&${q.name}=b&${q.name}[]=c`,
						body: bodyText,
						label: `${label} query ${q.name} repeated`
					});
				}
				for (const extra of ['zzz=%00', '__proto__[x]=1', 'limit=%E0%A4%A', `${'k'.repeat(2000)}=1`]) {
					probes.push({ method: M, path: `${base}${base.includes('?') ? '&' : '?'}${extra}`, body: bodyText, label: `${label} query extra` });
				}
				// JSON bodies: every property hostile in turn, unknown fields, and hostile whole bodies.
				if (M !== 'GET') {
					if (goodBody !== undefined) {
						for (const at of leaves(goodBody)) {
							for (const v of pick(HOSTILE_VALUES, 5))
								probes.push({ method: M, path: base, body: JSON.stringify(withValue(goodBody, at, v)), label: `${label} body ${at.join('.')}` });
						}
						if (goodBody && typeof goodBody === 'object')
							probes.push({
								method: M,
								path: base,
								body: JSON.stringify({ ...(goodBody as object), unknownField: 1, ['\ud800']: 2 }),
								label: `${label} body unknown field`
							});
					}
					for (const v of pick(HOSTILE_VALUES, 8)) probes.push({ method: M, path: base, body: JSON.stringify(v), label: `${label} whole body` });
					probes.push({ method: M, path: base, body: '{"a":'.repeat(3000) + '1' + '}'.repeat(3000), label: `${label} deep body` });
					probes.push({ method: M, path: base, body: '{"name": "\\ud800\\u0000"', label: `${label} broken JSON` });
				}
			}
		}

		// The participant side: every hostile text as a company-question answer and as a statement answer,
		// submitted with its own invitation (so each one goes all the way to the write) and saved as a draft.
		const survey = await openRound({ people: HOSTILE_STRINGS.length + 1, questions: ['one_change', 'customer_time_share'] });
		const drafter = surveyClient();
		await drafter.open(survey.tokens[HOSTILE_STRINGS.length]);
		const participant: Probe[] = [];
		HOSTILE_STRINGS.forEach((v, i) => {
			const bodies = [
				{ questions: { std_one_change: v } },
				{ questions: { std_customer_time_share: v } },
				{ answers: { [survey.keys[0]]: v } },
				{ answers: { [v]: 1 } }
			];
			for (const body of bodies)
				participant.push({
					method: 'POST',
					path: '/s/answers',
					body: JSON.stringify(body),
					headers: { cookie: drafter.cookie(), origin: baseUrl() },
					label: 'POST /s/answers'
				});
			participant.push({
				method: 'POST',
				path: '/api/v1/survey/submit',
				body: JSON.stringify({ ...bodies[0], answers: { [survey.keys[1]]: 3 } }),
				headers: { authorization: `Bearer ${survey.tokens[i]}` },
				label: 'POST /survey/submit (invitation)'
			});
		});

		const failures: string[] = [];
		let sent = 0;
		const send = async (p: Probe) => {
			const headers: Record<string, string> = { ...(p.headers ?? auth), accept: 'application/json' };
			if (p.body !== undefined) {
				headers['content-type'] = 'application/json';
				headers['content-length'] = String(Buffer.byteLength(p.body));
			}
			const r = await raw(p.method, p.path, { headers, body: p.body });
			sent++;
			if (r.status >= 500)
				failures.push(`${r.status} ${p.label}: ${p.method} ${p.path.slice(0, 120)} ${p.body?.slice(0, 120) ?? ''} → ${r.text.slice(0, 200)}`);
			// 431: Node's HTTP server refuses an over-long address before the app sees it.
			else if (r.status >= 400 && r.status !== 431) {
				let code: unknown;
				try {
					code = JSON.parse(r.text).error?.code;
				} catch {
					code = undefined;
				}
				if (!String(r.headers['content-type']).startsWith('application/json') || typeof code !== 'string')
					failures.push(`non-JSON ${r.status} ${p.label}: ${p.method} ${p.path.slice(0, 120)} → ${r.text.slice(0, 120)}`);
			}
		};
		// A few at a time: enough to finish in seconds, few enough not to starve the other test files.
		const queue = [...probes, ...participant];
		await Promise.all(
			Array.from({ length: 4 }, async () => {
				for (let p = queue.shift(); p; p = queue.shift()) await send(p);
			})
		);
		const seconds = (Date.now() - started) / 1000;
		console.log(`fuzz walk: ${sent} requests over ${Object.keys(doc.paths).length} paths in ${seconds.toFixed(1)} s, ${failures.length} failures`);
		if (failures.length) console.log(failures.join('\n'));
		expect(failures).toEqual([]);
		expect(sent).toBeGreaterThan(1000);
		// No lone surrogate or NUL was stored (SQL metacharacters are stored as the text they are).
		const stored = JSON.stringify([
			await db().selectFrom('drafts').select(['answers', 'question_answers']).where('organization_id', '=', survey.org.id).execute(),
			(await storedResponses(survey.org.id)).map((r) => ({ answers: r.answers, question_answers: r.question_answers }))
		]);
		expect(stored).not.toMatch(/\\u0000|\\ud8|\\udc/);
		expect(stored).toContain('DROP TABLE units');
		// The server is still fine.
		expect((await call('GET', '/api/v1/units', { token: secret })).status).toBe(200);
	}, 120_000);
});
