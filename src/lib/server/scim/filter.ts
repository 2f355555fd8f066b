import { ScimInputError } from './errors';

/** The attributes a Users filter may compare (what Entra asks: userName, externalId; and id). */
export type FilterAttribute = 'userName' | 'externalId' | 'id';
export interface UserFilter {
	attribute: FilterAttribute;
	value: string;
}

const ATTRIBUTES: Record<string, FilterAttribute> = { username: 'userName', externalid: 'externalId', id: 'id' };
const CORE = 'urn:ietf:params:scim:schemas:core:2.0:user:';

/**
 * Parses the one filter form provisioning needs: `<attribute> eq "<value>"` (attribute and operator in any
 * case, optionally with the core schema's URN; the value a JSON string, escapes allowed). Anything else is
 * a 400 `invalidFilter`: SOS does not search people by other criteria.
 */
export function parseUserFilter(filter: string): UserFilter {
	const m = /^\s*([A-Za-z:._0-9]+)\s+([A-Za-z]+)\s+("(?:[^"\\]|\\.)*")\s*$/.exec(filter);
	if (!m) throw new ScimInputError('invalidFilter', 'The filter must have the form: userName eq "name@example.com" (or externalId eq, id eq).');
	let name = m[1].toLowerCase();
	if (name.startsWith(CORE)) name = name.slice(CORE.length);
	const attribute = ATTRIBUTES[name];
	if (!attribute) throw new ScimInputError('invalidFilter', `Filtering by ${m[1].slice(0, 60)} is not supported; use userName, externalId or id.`);
	if (m[2].toLowerCase() !== 'eq') throw new ScimInputError('invalidFilter', `The operator ${m[2].slice(0, 20)} is not supported; use eq.`);
	let value: unknown;
	try {
		value = JSON.parse(m[3]);
	} catch {
		throw new ScimInputError('invalidFilter', 'The filter value is not a valid quoted string.');
	}
	if (typeof value !== 'string' || /[\u0000-\u001f]/.test(value)) throw new ScimInputError('invalidFilter', 'The filter value contains a control character.');
	return { attribute, value };
}
