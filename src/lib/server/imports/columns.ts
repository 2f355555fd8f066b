import { ValidationError } from '$lib/server/errors';
import { columnLetter, quote, slugify } from './text';

export type FixedField = 'name' | 'email' | 'language' | 'job_role' | 'user_type';

const FIXED: { field: FixedField; required: boolean; aliases: string[] }[] = [
	{ field: 'name', required: true, aliases: ['full_name', 'namn'] },
	{ field: 'email', required: true, aliases: ['e_mail', 'email_address', 'e_post', 'epost'] },
	{ field: 'language', required: false, aliases: ['sprak', 'lang'] },
	{ field: 'job_role', required: true, aliases: ['role', 'jobrole', 'roll'] },
	{ field: 'user_type', required: false, aliases: ['usertype', 'type', 'anvandartyp'] }
];

export interface ColumnMap {
	/** Column index per field, or null when an optional column is absent. */
	name: number;
	email: number;
	language: number | null;
	jobRole: number;
	userType: number | null;
	/** Column index per unit level, top level first. */
	levels: number[];
	/** Attributes of the person's unit (columns named unit_<key>, e.g. unit_sales_model). */
	attributes: { key: string; index: number }[];
	/** Unknown columns, ignored. */
	warnings: string[];
}

/** The column name of each unit level: the level name slugified ('Business area' → 'business_area'). */
export function levelColumnNames(levelNames: readonly string[]): string[] {
	const slugs = levelNames.map((l, i) => slugify(l) || `level_${i + 1}`);
	const taken = new Set<string>(FIXED.map((f) => f.field));
	for (const [i, s] of slugs.entries()) {
		if (taken.has(s)) {
			throw new ValidationError(`The level name ${quote(levelNames[i])} clashes with another column; rename the level in the settings first.`);
		}
		taken.add(s);
	}
	return slugs;
}

/** Expected columns in order: name, email, language, one per level, job_role, user_type. */
export function expectedColumns(levelNames: readonly string[]): string[] {
	return ['name', 'email', 'language', ...levelColumnNames(levelNames), 'job_role', 'user_type'];
}

/** Columns describing the person's unit start with this (unit_sales_model → the unit's 'sales_model'). */
export const ATTRIBUTE_PREFIX = 'unit_';

/** At most this many unit attributes per file. */
export const MAX_ATTRIBUTES = 10;

function matchHeader(cell: string, levelSlugs: string[]): string | null {
	const s = slugify(cell);
	if (!s) return null;
	const level = levelSlugs.indexOf(s);
	if (level >= 0) return `level:${level}`;
	const fixed = FIXED.find((f) => f.field === s || f.aliases.includes(s));
	if (fixed) return fixed.field;
	return s.startsWith(ATTRIBUTE_PREFIX) && s.length > ATTRIBUTE_PREFIX.length ? `attribute:${s.slice(ATTRIBUTE_PREFIX.length)}` : null;
}

/**
 * Maps header cells to fields (case-insensitive; level columns match the level's slug or its display
 * name). Throws ValidationError naming any missing required column or any column given twice.
 */
export function resolveColumns(opts: { header: readonly string[]; levels: readonly string[] }): ColumnMap {
	const levelSlugs = levelColumnNames(opts.levels);
	const found = new Map<string, number>();
	const warnings: string[] = [];
	const ignored: string[] = [];
	opts.header.forEach((cell, index) => {
		const key = matchHeader(cell, levelSlugs);
		if (key === null) {
			if (cell !== '') ignored.push(`${quote(cell, 40)} (column ${columnLetter(index)})`);
			return;
		}
		const earlier = found.get(key);
		if (earlier !== undefined) {
			throw new ValidationError(`The column ${quote(cell, 40)} appears twice (columns ${columnLetter(earlier)} and ${columnLetter(index)}); keep one.`);
		}
		found.set(key, index);
	});
	const missing = [...FIXED.filter((f) => f.required && !found.has(f.field)).map((f) => f.field), ...levelSlugs.filter((_, i) => !found.has(`level:${i}`))];
	if (missing.length > 0) {
		const list = missing.map((m) => `'${m}'`).join(', ');
		throw new ValidationError(
			`The file is missing the column${missing.length > 1 ? 's' : ''} ${list}. Expected columns: ${expectedColumns(opts.levels).join(', ')}.`
		);
	}
	if (ignored.length > 0) {
		const shown = ignored.slice(0, 20).join(', ');
		const more = ignored.length > 20 ? ` and ${ignored.length - 20} more` : '';
		warnings.push(`Unknown column${ignored.length > 1 ? 's' : ''} ignored: ${shown}${more}.`);
	}
	const attributes = [...found].filter(([key]) => key.startsWith('attribute:')).map(([key, index]) => ({ key: key.slice('attribute:'.length), index }));
	if (attributes.length > MAX_ATTRIBUTES) {
		throw new ValidationError(`The file has ${attributes.length} unit_ columns; at most ${MAX_ATTRIBUTES} unit attributes are supported.`);
	}
	const at = (key: string) => found.get(key) ?? null;
	return {
		name: at('name') ?? 0,
		email: at('email') ?? 0,
		language: at('language'),
		jobRole: at('job_role') ?? 0,
		userType: at('user_type'),
		levels: levelSlugs.map((_, i) => at(`level:${i}`) ?? 0),
		attributes,
		warnings
	};
}
