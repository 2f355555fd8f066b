import type { UnitResults } from '$lib/server/results/unit-results';

export interface GapPairRows {
	/** The two groups compared (names as the model gives them, in the report's language). */
	first: string;
	second: string;
	rows: { key: string; first: number | null; second: number | null; gap: number | null }[];
	/** Each group the unit holds with its respondents, e.g. "Sales people: 42 · Sales managers: 6". */
	counts: { name: string; respondents: number }[];
}

/** The perception gap of a report as the exports print it: the compared pair's scores per area. */
export function gapPairRows(gap: NonNullable<UnitResults['gap']>): GapPairRows {
	const name = (key: string) => gap.groups.find((g) => g.key === key)?.name ?? key;
	const [a, b] = gap.pair;
	return {
		first: name(a),
		second: name(b),
		rows: gap.areas.map((g) => ({ key: g.key, first: g.scores[a] ?? null, second: g.scores[b] ?? null, gap: g.gap })),
		counts: gap.groups.map((g) => ({ name: g.name, respondents: g.respondents }))
	};
}
