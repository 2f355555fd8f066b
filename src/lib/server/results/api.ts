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
	within: withinChoice.optional()
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
