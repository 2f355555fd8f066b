import type { Assignments, AttributeKey } from './patch';
import { ScimInputError } from './errors';

/** What a SCIM request asks of a person, typed; an attribute absent is left as it is, null clears it. */
export interface ScimChanges {
	userName?: string;
	externalId?: string | null;
	active?: boolean;
	displayName?: string | null;
	givenName?: string | null;
	familyName?: string | null;
	formatted?: string | null;
	language?: 'en' | 'sv' | null;
	/** The values of the attributes the settings may map (title, userType, the enterprise ones). */
	attributes: Partial<Record<AttributeKey, string | null>>;
}

/** A boolean as JSON, or as Entra writes it: the strings "True" and "False" in any case. */
export function scimBoolean(value: unknown, name: string): boolean {
	if (typeof value === 'boolean') return value;
	if (typeof value === 'string' && /^(true|false)$/i.test(value.trim())) return value.trim().toLowerCase() === 'true';
	throw new ScimInputError('invalidValue', `${name} must be true or false.`);
}

function text(value: unknown, name: string): string | null {
	if (value === null || value === undefined) return null;
	if (typeof value !== 'string') throw new ScimInputError('invalidValue', `${name} must be a text.`);
	const trimmed = value.trim();
	return trimmed === '' ? null : trimmed;
}

/** sv, sv-SE, sv_FI → sv; en-US → en; other languages → en (the languages SOS speaks). */
function language(value: string | null): 'en' | 'sv' | null {
	if (value === null) return null;
	return /^sv([-_]|$)/i.test(value) ? 'sv' : 'en';
}

/** Reads the assignments as typed changes; wrong types are a 400 `invalidValue` naming the attribute. */
export function readChanges(a: Assignments): ScimChanges {
	const out: ScimChanges = { attributes: {} };
	for (const [key, value] of a) {
		switch (key) {
			case 'active':
				out.active = scimBoolean(value, 'active');
				break;
			case 'userName': {
				const v = text(value, 'userName');
				if (v === null) throw new ScimInputError('invalidValue', 'userName is required: it is the person’s email address.');
				out.userName = v.toLowerCase();
				break;
			}
			case 'externalId':
				out.externalId = text(value, 'externalId');
				if (out.externalId && out.externalId.length > 200) throw new ScimInputError('invalidValue', 'externalId is longer than 200 characters.');
				break;
			case 'displayName':
			case 'givenName':
			case 'familyName':
			case 'formatted':
				out[key] = text(value, key);
				break;
			case 'preferredLanguage':
				out.language = language(text(value, key));
				break;
			case 'locale':
				if (!a.has('preferredLanguage')) out.language = language(text(value, key));
				break;
			case 'email':
				text(value, 'emails'); // checked, not kept: the person's address is their userName
				break;
			default:
				out.attributes[key] = text(value, key);
		}
	}
	return out;
}

/**
 * The person's name from what the request says: name.formatted, else givenName and familyName, else
 * displayName; a request naming only one of givenName and familyName keeps the other from `current`
 * (read as its last word being the family name). Null when the request says nothing about the name.
 */
export function nameFrom(c: ScimChanges, current: string | null): string | null {
	if (c.formatted) return c.formatted;
	if (c.givenName && c.familyName) return `${c.givenName} ${c.familyName}`;
	if (c.displayName) return c.displayName;
	if (c.givenName === undefined && c.familyName === undefined) return null;
	const words = (current ?? '').trim().split(/\s+/).filter(Boolean);
	const family = c.familyName !== undefined ? c.familyName : words.length > 1 ? words.at(-1)! : null;
	const given = c.givenName !== undefined ? c.givenName : words.length > 1 ? words.slice(0, -1).join(' ') : (words[0] ?? null);
	const name = [given, family].filter(Boolean).join(' ');
	return name === '' ? null : name;
}
