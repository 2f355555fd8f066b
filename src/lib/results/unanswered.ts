/**
 * What a group could not answer (pure): the share of "don't know" — and, for statements that offer it,
 * "not used in our team" — among all the answers to an area's statements, pooled over the statements
 * whose distributions are shown. A high share among sales people means the practice is invisible to
 * them; a high share of "not used" that it does not exist.
 */

/** From this share on, a group's "don't know" (or "not used") answers in an area are a finding. */
export const HIGH_SHARE = 0.2;

export interface Unanswered {
	dontKnow: number | null;
	/** Null where "not used" is not counted (statements without it, results from before it). */
	notUsed: number | null;
}

/**
 * `dists`: the shown statements' distributions [don't know, 1, 2, 3, 4, 5]; `notUsed`: their "not used"
 * counts in the same order, where counted (absent, or undefined for a statement: none).
 */
export function unanswered(dists: readonly (readonly number[])[], notUsed?: readonly (number | undefined)[]): Unanswered {
	let dk = 0;
	let unused = 0;
	let counted = false;
	let all = 0;
	dists.forEach((dist, i) => {
		dk += dist[0] ?? 0;
		for (let v = 0; v <= 5; v++) all += dist[v] ?? 0;
		const u = notUsed?.[i];
		if (u !== undefined) {
			counted = true;
			unused += u;
			all += u;
		}
	});
	if (all === 0) return { dontKnow: null, notUsed: null };
	return { dontKnow: dk / all, notUsed: counted ? unused / all : null };
}

/** Whether a share is high enough to be reported as a finding. */
export const isHigh = (share: number | null): boolean => share !== null && share >= HIGH_SHARE;
