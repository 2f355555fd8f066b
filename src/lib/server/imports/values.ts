import type { JobRole, Language } from '$lib/server/db/schema';
import { loosen } from './text';

/** User types an import may set; admins are managed one by one, never by import. */
export type UserType = 'participant' | 'viewer';

const LANGUAGES: Record<string, Language> = {
	en: 'en',
	eng: 'en',
	english: 'en',
	engelska: 'en',
	'en gb': 'en',
	'en us': 'en',
	sv: 'sv',
	swe: 'sv',
	swedish: 'sv',
	svenska: 'sv',
	'sv se': 'sv'
};

/** Words for a group beyond its key and its names, accepted while the models know that group. */
const ROLE_ALIASES: Record<string, JobRole> = {
	salesperson: 'sales_person',
	seller: 'sales_person',
	salesmanager: 'sales_manager',
	manager: 'sales_manager'
};

/** The job roles an import accepts: the known groups, and the words that name each (loosened). */
export interface JobRoles {
	/** The groups the models know, in their order (for messages). */
	keys: readonly string[];
	words: ReadonlyMap<string, JobRole>;
}

/**
 * The words for each group: its key ('sales_person', also written 'Sales person'), its names in every
 * translation given ('Säljare', 'Executive', 'Ledningsgrupp'; one person and many) and the old aliases.
 * Matching ignores case, accents and separators; a word two groups share names the first one.
 */
export function jobRoleWords(keys: readonly string[], names: readonly Record<string, { one: string; other: string }>[]): JobRoles {
	const words = new Map<string, JobRole>();
	const add = (word: string, key: JobRole) => {
		const w = loosen(word);
		if (w !== '' && !words.has(w)) words.set(w, key);
	};
	for (const key of keys) add(key, key);
	for (const byGroup of names) for (const key of keys) if (byGroup[key]) [byGroup[key].one, byGroup[key].other].forEach((w) => add(w, key));
	for (const [word, key] of Object.entries(ROLE_ALIASES)) if (keys.includes(key)) add(word, key);
	return { keys, words };
}

const USER_TYPES: Record<string, UserType> = {
	participant: 'participant',
	deltagare: 'participant',
	viewer: 'viewer',
	lasare: 'viewer'
};

/** Each returns the canonical value, or null when the text is not recognized. Blank input is handled by the caller. */
export function parseLanguage(text: string): Language | null {
	return LANGUAGES[loosen(text)] ?? null;
}

export function parseJobRole(text: string, roles: JobRoles): JobRole | null {
	return roles.words.get(loosen(text)) ?? null;
}

export function parseUserType(text: string): UserType | 'admin' | null {
	const key = loosen(text);
	if (key === 'admin' || key === 'administrator') return 'admin';
	return USER_TYPES[key] ?? null;
}
