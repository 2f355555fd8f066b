import { MIN_ORGANIZATIONS } from './math';

/**
 * What a benchmark version may show, decided once when it is built, for every organization alike
 * (pure). A figure is the mean (or a percentile) of a *population*: the organizations of one segment
 * ('all', 'industry:…', …) that have a figure for one metric. Any two populations an organization can
 * see — segments of one version, or of two versions — may be combined; so:
 *
 * - Within a version, for each metric, segments are added to 'all' one by one (largest first) only
 *   while every *cell* — the organizations with the same membership in every shown segment — has 0 or
 *   at least MIN_DIFFERENCE organizations. Any sum or difference of shown populations is a union of
 *   whole cells, so no combination, whatever its weights, rests on 1 … 5 organizations (1 … 4 once the
 *   viewer's own is taken out). Otherwise the segment's figure is withheld ('overlap').
 * - Across versions, a version is published only when its contributions (organization and round)
 *   differ from every earlier published version's by at least MIN_DIFFERENCE organizations; and a
 *   figure is withheld ('versions') when its population differs from any population shown for the
 *   same metric by an earlier published version (any segment) by 1 … 5 organizations.
 *
 * - Across model versions (`related`: the published versions of the versions this one carries rounds
 *   from, or that carry its rounds, each mapped into this version's metrics): the same figure rule; and
 *   the version is published only when its contributions are the same as each related version's or
 *   differ by at least MIN_DIFFERENCE (the same contributions say nothing new; a new model version's
 *   first benchmark is the one before it, carried).
 *
 * MIN_DIFFERENCE is one more than MIN_ORGANIZATIONS: the viewing organization knows its own figures,
 * so a cell or difference of six leaves five others.
 */
export const MIN_DIFFERENCE = MIN_ORGANIZATIONS + 1;

export type Withheld = 'overlap' | 'versions';

export interface Member {
	organization: string;
	/** The round the contribution came from (a new round of the same organization is a change). */
	round: string | null;
	/** The organization's segment keys, e.g. 'industry:wholesale' ('all' is implied). */
	segments: readonly string[];
	/** Per metric: whether the organization has a figure (at least k respondents answered it). */
	has: readonly boolean[];
}

export interface EarlierVersion {
	members: readonly Member[];
	/** Segment → per metric: shown or not (segments absent were not shown). */
	shown: ReadonlyMap<string, readonly boolean[]>;
}

export interface Decision {
	published: boolean;
	/** Per segment ('all' first) and metric: null where shown, else why not. */
	withheld: Map<string, (Withheld | null)[]>;
}

/** How many organizations' contributions differ between two sets (added, removed, or from another round). */
export function changedOrganizations(a: readonly Member[], b: readonly Member[]): number {
	return difference(a, b);
}

function difference(a: readonly Member[], b: readonly Member[]): number {
	const rounds = new Map(b.map((m) => [m.organization, m.round]));
	let n = 0;
	const inA = new Set<string>();
	for (const m of a) {
		inA.add(m.organization);
		if (!rounds.has(m.organization) || rounds.get(m.organization) !== m.round) n++;
	}
	for (const m of b) if (!inA.has(m.organization)) n++;
	return n;
}

/** Members per segment ('all' included), each in its segments. */
function bySegment(members: readonly Member[]): Map<string, Member[]> {
	const out = new Map<string, Member[]>([['all', [...members]]]);
	for (const m of members) for (const s of m.segments) (out.get(s) ?? out.set(s, []).get(s)!).push(m);
	return out;
}

/** The population of a segment for one metric. */
const population = (segment: readonly Member[] | undefined, metric: number) => (segment ?? []).filter((m) => m.has[metric]);

export function decideVersion(
	members: readonly Member[],
	metrics: number,
	earlier: readonly EarlierVersion[],
	related: readonly EarlierVersion[] = []
): Decision {
	const published =
		earlier.every((e) => difference(members, e.members) >= MIN_DIFFERENCE) &&
		related.every((e) => {
			const d = difference(members, e.members);
			return d === 0 || d >= MIN_DIFFERENCE;
		});
	const segments = bySegment(members);
	const order = [
		'all',
		...[...segments.keys()].filter((s) => s !== 'all').sort((a, b) => segments.get(b)!.length - segments.get(a)!.length || (a < b ? -1 : 1))
	];
	const withheld = new Map(order.map((s) => [s, Array<Withheld | null>(metrics).fill(null)]));
	const before = [...earlier, ...related].map((e) => ({ members: e.members, segments: bySegment(e.members), shown: e.shown }));
	const index = new Map(members.map((m, i) => [m.organization, i]));
	const inSegment = new Map(order.map((s) => [s, Int32Array.from(segments.get(s)!, (m) => index.get(m.organization)!)]));
	// Metrics with the same organizations (and the same earlier populations) get the same decision.
	const missing = (list: readonly Member[], metric: number) => list.reduce((key, m, i) => (m.has[metric] ? key : `${key}${i},`), '');
	const decided = new Map<string, Map<string, Withheld>>();

	for (let metric = 0; metric < metrics; metric++) {
		const key = [
			missing(members, metric),
			...before.map((e) => `${missing(e.members, metric)}:${[...e.shown].filter(([, on]) => on[metric]).map(([t]) => t)}`)
		].join('|');
		const reasons = decided.get(key) ?? decided.set(key, decideMetric(metric)).get(key)!;
		for (const [s, why] of reasons) withheld.get(s)![metric] = why;
	}
	return { published, withheld };

	function decideMetric(metric: number): Map<string, Withheld> {
		const reasons = new Map<string, Withheld>();
		// Within the version: the cells of the shown segments stay 0 or ≥ MIN_DIFFERENCE.
		let cell = Int32Array.from(members, (m) => (m.has[metric] ? 0 : -1));
		let cells = 1;
		const shown = ['all'];
		for (const s of order.slice(1)) {
			const inside = new Uint8Array(members.length);
			let any = false;
			for (const i of inSegment.get(s)!)
				if (cell[i] >= 0) {
					inside[i] = 1;
					any = true;
				}
			if (!any) continue;
			const ids = new Int32Array(cells * 2).fill(-1);
			const sizes: number[] = [];
			const next = cell.map((c, i) => {
				if (c < 0) return -1;
				const k = c * 2 + inside[i];
				if (ids[k] < 0) {
					ids[k] = sizes.length;
					sizes.push(0);
				}
				sizes[ids[k]]++;
				return ids[k];
			});
			if (sizes.every((n) => n >= MIN_DIFFERENCE)) {
				cell = next;
				cells = sizes.length;
				shown.push(s);
			} else reasons.set(s, 'overlap');
		}
		// Across versions: no shown population 1 … 5 organizations away from one shown before.
		const shownBefore = before.flatMap((e) => [...e.shown].filter(([, on]) => on[metric]).map(([t]) => population(e.segments.get(t), metric)));
		for (const s of shown) {
			const mine = population(segments.get(s), metric);
			const close = shownBefore.some((theirs) => {
				if (Math.abs(theirs.length - mine.length) >= MIN_DIFFERENCE) return false;
				const d = difference(mine, theirs);
				return d > 0 && d < MIN_DIFFERENCE;
			});
			if (close) reasons.set(s, 'versions');
		}
		return reasons;
	}
}
