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

const JOB_ROLES: Record<string, JobRole> = {
	'sales person': 'sales_person',
	salesperson: 'sales_person',
	seller: 'sales_person',
	saljare: 'sales_person',
	'sales manager': 'sales_manager',
	salesmanager: 'sales_manager',
	manager: 'sales_manager',
	saljchef: 'sales_manager'
};

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

export function parseJobRole(text: string): JobRole | null {
	return JOB_ROLES[loosen(text)] ?? null;
}

export function parseUserType(text: string): UserType | 'admin' | null {
	const key = loosen(text);
	if (key === 'admin' || key === 'administrator') return 'admin';
	return USER_TYPES[key] ?? null;
}
