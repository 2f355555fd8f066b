/**
 * Cuts by a unit attribute (pure): the group of respondents in every unit with one value of an attribute
 * (e.g. every team whose sales model is "Field"), which cuts across the unit tree.
 *
 * A group that is not a subtree is something the disclosure pattern (`pattern.ts`) never judged: its
 * differencing check reasons about subtrees only. So a cut is shown only as a **combination of figures
 * the viewer already sees**: a sum of shown whole-subtree figures, with signs, that adds up to exactly
 * the cut's respondents. Such a figure adds no equation to what is shown — anyone could work it out
 * from the shown figures — so it cannot isolate anyone the pattern protects, for one viewer or many,
 * and whatever attribute values an admin sets or changes later. Where no such combination exists (a
 * team of the cut is hidden and cannot be worked around), the cut's figure is hidden too.
 *
 * The combination is found bottom-up: in each unit's subtree, the cut's part and the rest's part are
 * each either the sum of the children's parts (when the unit's own respondents, if any, are on that
 * side), or the unit's shown figure minus the other part, whichever needs fewer figures.
 */

export interface Term {
	unitId: string;
	sign: 1 | -1;
}

export interface CutInput {
	root: string;
	children: (unitId: string) => readonly string[];
	/** Whether the unit's own respondents (not its sub-units') belong to the cut. */
	inCut: (unitId: string) => boolean;
	/** The unit's own respondents counted by this figure (e.g. those who answered a statement). */
	own: (unitId: string) => number;
	/** Whether the viewer sees this figure for the unit's whole subtree. */
	shown: (unitId: string) => boolean;
}

interface Parts {
	cut: Term[] | null;
	rest: Term[] | null;
}

/** The combination with fewer terms (the sum of parts on a tie). */
const shorter = (a: Term[] | null, b: Term[] | null) => (a && (!b || a.length <= b.length) ? a : b);

const negate = (terms: Term[]): Term[] => terms.map((t) => ({ unitId: t.unitId, sign: t.sign === 1 ? -1 : 1 }));

/** Shown subtree figures whose signed sum is exactly the cut's part of the root's subtree, or null when there are none. */
export function cutTerms(input: CutInput): Term[] | null {
	const visit = (x: string): Parts => {
		const kids = input.children(x).map(visit);
		const empty = input.own(x) === 0;
		const inside = input.inCut(x);
		const sumOf = (side: keyof Parts) => (kids.every((k) => k[side]) ? kids.flatMap((k) => k[side]!) : null);
		const cut = empty || !inside ? sumOf('cut') : null;
		const rest = empty || inside ? sumOf('rest') : null;
		const whole = input.shown(x);
		const minus = (other: Term[] | null): Term[] | null => (whole && other ? [{ unitId: x, sign: 1 }, ...negate(other)] : null);
		return { cut: shorter(cut, minus(rest)), rest: shorter(rest, minus(cut)) };
	};
	return visit(input.root).cut;
}

/** The signed sum of a figure over the terms (e.g. respondents, or a statement's n or sum). */
export function combine(terms: readonly Term[], value: (unitId: string) => number): number {
	return terms.reduce((total, t) => total + t.sign * value(t.unitId), 0);
}
