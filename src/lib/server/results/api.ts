import { z } from 'zod';
import { isLocale, type Locale } from '$lib/i18n';
import type { Actor } from '$lib/server/auth/actor';
import { parse } from '$lib/server/validation';
import { comparison, type Comparison } from './benchmark-choice';
import { withinChoice, type Within } from './internal';

/** Query parameters of the results API: the benchmark choice, the language of texts, the heatmap depth. */
const resultsQuery = comparison.extend({
	lang: z.enum(['en', 'sv']).optional(),
	depth: z.coerce.number().int('depth must be a whole number').min(0).max(10).default(1),
	unit: z.string().max(64).optional(),
	within: withinChoice.optional(),
	attribute: z.string().optional(),
	/** Given twice (?gap=a&gap=b): the two groups the perception gap compares (gapPairFrom). */
	gap: z.string().optional()
});

export function resultsParams(url: URL, actor: Actor): { choice: Comparison; locale: Locale; depth: number; unit: string | undefined; within: Within | null } {
	const q = parse(resultsQuery, Object.fromEntries(url.searchParams));
	const own = actor.membership?.language;
	return {
		choice: { compare: q.compare, statistic: q.statistic },
		locale: q.lang ?? (isLocale(own) ? own : 'en'),
		depth: q.depth,
		unit: q.unit,
		within: q.within ?? null
	};
}

const attributeKey = (name: string) =>
	z
		.string()
		.max(60, `${name}: at most 60 characters`)
		.regex(/^[a-z0-9_]+$/, `${name}: lower-case letters, digits and _ only`);

/** The unit attribute to cut by (?attribute= in the API, ?cut= on the report page); null when none is named. */
export function attributeFrom(url: URL, name: 'attribute' | 'cut' = 'attribute'): string | null {
	const raw = url.searchParams.get(name);
	if (raw === null || raw === '') return null;
	return parse(attributeKey(name), raw);
}

/** The report page's ?cut=: a well-formed attribute key, or null (a bad one falls back to the units). */
export function cutFrom(url: URL): string | null {
	const parsed = attributeKey('cut').safeParse(url.searchParams.get('cut') ?? '');
	return parsed.success ? parsed.data : null;
}

const groupKey = z.string().regex(/^[a-z][a-z0-9_]{0,59}$/);

/** ?gap=first&gap=second: the two groups the perception gap compares, or null (the model's pair) when absent or malformed. */
export function gapPairFrom(url: URL): [string, string] | null {
	const parsed = z.tuple([groupKey, groupKey]).safeParse(url.searchParams.getAll('gap'));
	return parsed.success ? parsed.data : null;
}
