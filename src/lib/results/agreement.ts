/**
 * Within-team agreement (pure): of the answers on the scale, the share within one point of their
 * statement's median, pooled over an area's statements. Worked out from the statements' answer
 * distributions ([don't know, 1, 2, 3, 4, 5]) and nothing else, so it is shown only with them.
 * High (near 100 %): the team sees the practice alike; low: some see it and some do not.
 */

/** The median of a distribution's answers 1–5 (the mean of the two middle answers when their number is even); null without any. */
export function median(dist: readonly number[]): number | null {
	const n = dist.slice(1, 6).reduce((a, b) => a + b, 0);
	if (n === 0) return null;
	const at = (position: number) => {
		let seen = 0;
		for (let v = 1; v <= 5; v++) {
			seen += dist[v] ?? 0;
			if (position < seen) return v;
		}
		return 5;
	};
	return (at(Math.floor((n - 1) / 2)) + at(Math.floor(n / 2))) / 2;
}

/** The share (0..1) of scored answers within one point of their statement's median, over all the distributions given; null without any. */
export function agreement(dists: readonly (readonly number[])[]): number | null {
	let near = 0;
	let all = 0;
	for (const dist of dists) {
		const m = median(dist);
		if (m === null) continue;
		for (let v = 1; v <= 5; v++) {
			all += dist[v] ?? 0;
			if (Math.abs(v - m) <= 1) near += dist[v] ?? 0;
		}
	}
	return all > 0 ? near / all : null;
}
