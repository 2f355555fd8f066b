/**
 * Respondent groups in running text (pure). A model names its groups as headings ("Sales people");
 * inside a sentence the name starts in lower case ("… clearly higher than sales people").
 */
export function inSentence(name: string, locale: string): string {
	return name.charAt(0).toLocaleLowerCase(locale) + name.slice(1);
}

/** The heading of a clear perception gap, e.g. "Sales managers rate this area clearly higher than sales people". */
export interface PairNames {
	first: string;
	second: string;
}

export function pairParams(pair: readonly { name: string }[], locale: string): PairNames {
	return { first: pair[0]?.name ?? '', second: inSentence(pair[1]?.name ?? '', locale) };
}

/** The two compared groups of a perception gap, named, in the pair's order. */
export function pairOf(gap: { groups: readonly { key: string; name: string }[]; pair: readonly [string, string] }): { key: string; name: string }[] {
	return gap.pair.map((key) => ({ key, name: gap.groups.find((g) => g.key === key)?.name ?? key }));
}
