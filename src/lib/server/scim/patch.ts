import { ScimInputError } from './errors';

/**
 * The SCIM User attributes SOS reads, by one key each. `null` from parsing a path means "known and
 * accepted, but not kept" (phone numbers, addresses, the manager …): Entra sends what its mappings name.
 */
export const ATTRIBUTE_KEYS = [
	'userName',
	'externalId',
	'active',
	'displayName',
	'givenName',
	'familyName',
	'formatted',
	'email',
	'preferredLanguage',
	'locale',
	'title',
	'userType',
	'department',
	'division',
	'organization',
	'costCenter'
] as const;
export type AttributeKey = (typeof ATTRIBUTE_KEYS)[number];
/** What a request sets: a value per attribute (null removes it), in the order given; the last one wins. */
export type Assignments = Map<AttributeKey, unknown>;

export const CORE_URN = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const ENTERPRISE_URN = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
export const PATCH_URN = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

const CORE: Record<string, AttributeKey | null> = {
	username: 'userName',
	externalid: 'externalId',
	active: 'active',
	displayname: 'displayName',
	'name.givenname': 'givenName',
	'name.familyname': 'familyName',
	'name.formatted': 'formatted',
	preferredlanguage: 'preferredLanguage',
	locale: 'locale',
	title: 'title',
	usertype: 'userType'
};
const CORE_IGNORED = new Set([
	'nickname',
	'profileurl',
	'timezone',
	'addresses',
	'phonenumbers',
	'ims',
	'photos',
	'entitlements',
	'roles',
	'x509certificates',
	'groups',
	'password'
]);
const NAME_IGNORED = new Set(['middlename', 'honorificprefix', 'honorificsuffix']);
const ENTERPRISE: Record<string, AttributeKey | null> = {
	department: 'department',
	division: 'division',
	organization: 'organization',
	costcenter: 'costCenter',
	employeenumber: null,
	manager: null
};

const PATH = /^([A-Za-z][\w-]*)(?:\[([^\]]*)\])?(?:\.([A-Za-z][\w-]*))?$/;

function invalidPath(path: string): ScimInputError {
	return new ScimInputError('invalidPath', `The path ${JSON.stringify(path.slice(0, 100))} is not an attribute SOS knows.`);
}

/** An email filter's choice: `type eq "work"` and `primary eq true` pick the work address; other types are not kept. */
function emailChosen(filter: string, path: string): boolean {
	const m = /^\s*(type|primary)\s+eq\s+("(?:[^"\\]|\\.)*"|true|false)\s*$/i.exec(filter);
	if (!m) throw invalidPath(path);
	const value = String(m[2].startsWith('"') ? JSON.parse(m[2]) : m[2]).toLowerCase();
	return m[1].toLowerCase() === 'type' ? value === 'work' : value === 'true';
}

/**
 * The attribute a PATCH path names, or null for one accepted but not kept. Names are case-insensitive and
 * may carry the core or enterprise schema's URN (`urn:…:enterprise:2.0:User:department`); `name.givenName`
 * and `emails[type eq "work"].value` as Entra writes them. Anything else is a 400 `invalidPath`.
 */
export function parsePath(path: string): AttributeKey | null {
	const lower = path.trim().toLowerCase();
	if (lower.startsWith(`${ENTERPRISE_URN.toLowerCase()}:`)) {
		const attr = lower.slice(ENTERPRISE_URN.length + 1);
		const base = attr.split('.')[0];
		if (!(base in ENTERPRISE)) throw invalidPath(path);
		return attr.includes('.') ? null : ENTERPRISE[base];
	}
	const rest = lower.startsWith(`${CORE_URN.toLowerCase()}:`) ? path.trim().slice(CORE_URN.length + 1) : path.trim();
	const m = PATH.exec(rest);
	if (!m) throw invalidPath(path);
	const [, attr, filter, sub] = [m[0], m[1].toLowerCase(), m[2], m[3]?.toLowerCase()];
	if (attr === 'emails') {
		if (filter === undefined) {
			if (sub === undefined) return 'email'; // a list (or one address) as a value: see emailFrom
			throw invalidPath(path);
		}
		if (sub !== undefined && sub !== 'value') return null;
		return emailChosen(filter, path) ? 'email' : null;
	}
	if (CORE_IGNORED.has(attr)) return null;
	if (filter !== undefined) throw invalidPath(path);
	if (attr === 'name' && sub && NAME_IGNORED.has(sub)) return null;
	const key = CORE[sub ? `${attr}.${sub}` : attr];
	if (key === undefined) throw invalidPath(path);
	return key;
}

/** The work (or primary, or only) address of an `emails` value: a list, or one address object. */
function emailFrom(value: unknown): unknown {
	if (value === null || typeof value === 'string') return value;
	const list = Array.isArray(value) ? value : [value];
	const items = list.filter((e): e is Record<string, unknown> => typeof e === 'object' && e !== null);
	const pick = items.find((e) => String(e.type).toLowerCase() === 'work') ?? items.find((e) => e.primary === true || e.primary === 'True') ?? items[0];
	return pick ? (pick.value ?? null) : null;
}

function assign(out: Assignments, key: AttributeKey | null, value: unknown): void {
	if (key === null) return;
	out.set(key, key === 'email' ? emailFrom(value) : value);
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The attributes an object sets: a whole resource (POST, PUT) or a PATCH value without a path. Keys are
 * attribute paths as in parsePath; `name` and the enterprise schema's URN may hold objects of their own.
 */
export function assignmentsFrom(value: Record<string, unknown>, out: Assignments = new Map()): Assignments {
	for (const [k, v] of Object.entries(value)) {
		const lower = k.toLowerCase();
		if (lower === 'schemas' || lower === 'id' || lower === 'meta') continue;
		if (lower === ENTERPRISE_URN.toLowerCase()) {
			if (!isObject(v)) throw new ScimInputError('invalidValue', `${ENTERPRISE_URN} must be an object.`);
			for (const [ek, ev] of Object.entries(v)) assign(out, parsePath(`${ENTERPRISE_URN}:${ek}`), ev);
		} else if (lower === 'name' && (isObject(v) || v === null)) {
			if (v === null) ['givenName', 'familyName', 'formatted'].forEach((n) => out.set(n as AttributeKey, null));
			else for (const [nk, nv] of Object.entries(v)) assign(out, parsePath(`name.${nk}`), nv);
		} else if (lower === 'name') {
			throw new ScimInputError('invalidValue', 'name must be an object.');
		} else assign(out, parsePath(k), v);
	}
	return out;
}

/**
 * The attributes a PatchOp sets. Entra's ways are accepted: `op` in any case ("Replace"), operations
 * without a path whose value sets several attributes at once (enterprise keys included), and
 * `emails[type eq "work"].value` paths. `remove` clears the attribute.
 */
export function assignmentsFromPatch(body: unknown): Assignments {
	if (!isObject(body) || !Array.isArray(body.Operations ?? body.operations))
		throw new ScimInputError('invalidSyntax', `A PATCH body is a PatchOp (${PATCH_URN}) with an Operations list.`);
	const ops = (body.Operations ?? body.operations) as unknown[];
	if (ops.length > 100) throw new ScimInputError('tooMany', 'At most 100 operations in one PATCH.');
	const out: Assignments = new Map();
	for (const [i, raw] of ops.entries()) {
		if (!isObject(raw)) throw new ScimInputError('invalidSyntax', `Operations[${i}] must be an object.`);
		const op = typeof raw.op === 'string' ? raw.op.toLowerCase() : '';
		if (!['add', 'replace', 'remove'].includes(op)) throw new ScimInputError('invalidSyntax', `Operations[${i}].op must be add, replace or remove.`);
		const path = raw.path;
		if (path !== undefined && (typeof path !== 'string' || path.trim() === ''))
			throw new ScimInputError('invalidPath', `Operations[${i}].path must be a text.`);
		if (op === 'remove') {
			if (path === undefined) throw new ScimInputError('noTarget', `Operations[${i}]: remove needs a path.`);
			const key = parsePath(path);
			if (key === 'email') out.set('email', null);
			else if (key) out.set(key, null);
			continue;
		}
		if (path === undefined) {
			if (!isObject(raw.value)) throw new ScimInputError('invalidValue', `Operations[${i}]: without a path, the value must be an object of attributes.`);
			assignmentsFrom(raw.value, out);
		} else if (/^name$/i.test(path.trim()) || path.trim().toLowerCase() === ENTERPRISE_URN.toLowerCase()) {
			if (!isObject(raw.value)) throw new ScimInputError('invalidValue', `Operations[${i}]: ${path} takes an object.`);
			assignmentsFrom({ [path.trim()]: raw.value }, out);
		} else {
			assign(out, parsePath(path), raw.value);
		}
	}
	return out;
}
