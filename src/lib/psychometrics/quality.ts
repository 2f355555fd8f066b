/**
 * How well a model version measures (pure): per area Cronbach's alpha and each statement's corrected
 * item-total correlation over the respondents who answered every statement of the area 1–5 (listwise
 * deletion), the share of "don't know" and "not used" answers per respondent group of the model (a
 * response's job role; a role the model does not ask counts for the scales only), and Pearson's r between
 * areas over respondents' area means. Responses are added one at a time (`addResponse`), grouped by
 * organization, and only sums are kept; `summarize` turns them into figures.
 *
 * Read across organizations and never per organization: a figure is given only when at least
 * MIN_RESPONDENTS respondents from at least MIN_ORGANIZATIONS organizations stand behind it, and nothing
 * at all until the version as a whole has that many.
 */
import { areaScore, DONT_KNOW, NOT_USED, type Answer, type ModelShape } from '$lib/survey/scoring';
import { round2 } from '$lib/results/colour';
import { addCase, correctedItemTotal, cronbachAlpha, emptyScaleSums, type ScaleSums } from './alpha';
import { addPair, emptyPairSums, pearson, type PairSums } from './correlation';

export const MIN_ORGANIZATIONS = 3;
export const MIN_RESPONDENTS = 30;
/** An area's alpha should reach this. */
export const ALPHA_AIM = 0.7;
/** A statement whose corrected item-total correlation is below this is flagged. */
export const ITEM_TOTAL_FLAG = 0.3;

/** A count and how many organizations it comes from (responses arrive grouped by organization). */
interface Tally {
	n: number;
	organizations: number;
	last: number;
}
const tally = (): Tally => ({ n: 0, organizations: 0, last: -1 });
function count(t: Tally, organization: number): void {
	t.n++;
	if (t.last !== organization) {
		t.last = organization;
		t.organizations++;
	}
}
const enough = (t: Tally) => t.n >= MIN_RESPONDENTS && t.organizations >= MIN_ORGANIZATIONS;

interface Shares {
	/** Respondents who gave any answer (a score, "don't know" or "not used"). */
	given: Tally;
	/** Answers given (for a statement the same as given.n; for an area, over its statements). */
	answers: number;
	dontKnow: number;
	notUsed: number;
}
const shares = (): Shares => ({ given: tally(), answers: 0, dontKnow: 0, notUsed: 0 });
function answer(s: Shares, v: number): void {
	s.answers++;
	if (v === DONT_KNOW) s.dontKnow++;
	if (v === NOT_USED) s.notUsed++;
}

export interface QualityAccumulator {
	shape: ModelShape;
	respondents: Tally;
	organization: number;
	current: string | null;
	seen: Set<string>;
	scales: { sums: ScaleSums; cases: Tally }[];
	/** The model's respondent groups, in its order. */
	groups: readonly string[];
	/** [group index][statement] */
	statements: Shares[][];
	/** [group index][area]: the area's statements' answers together. */
	areas: Shares[][];
	/** Area pairs a < b, in the order of `pairIndex`. */
	pairs: { sums: PairSums; n: Tally }[];
}

/** Index of the pair of areas a < b among all pairs (row by row of the upper triangle). */
const pairIndex = (a: number, b: number, areas: number) => a * areas - (a * (a + 1)) / 2 + (b - a - 1);

export function emptyQuality(shape: ModelShape, groups: readonly string[]): QualityAccumulator {
	const areas = shape.areas.length;
	const byRole = (n: number) => groups.map(() => Array.from({ length: n }, shares));
	return {
		shape,
		respondents: tally(),
		organization: -1,
		current: null,
		seen: new Set(),
		scales: shape.areas.map((a) => ({ sums: emptyScaleSums(a.statements.length), cases: tally() })),
		groups,
		statements: byRole(shape.statementCount),
		areas: byRole(areas),
		pairs: Array.from({ length: (areas * (areas - 1)) / 2 }, () => ({ sums: emptyPairSums(), n: tally() }))
	};
}

/**
 * Adds one stored response. `organization` only tells responses of one organization from another's
 * (an opaque id, never kept): all of an organization's responses must come together.
 */
export function addResponse(q: QualityAccumulator, r: { organization: string; role: string; answers: readonly Answer[] }): void {
	if (r.organization !== q.current) {
		if (q.seen.has(r.organization)) throw new Error('addResponse: responses must come grouped by organization');
		q.seen.add(r.organization);
		q.current = r.organization;
		q.organization++;
	}
	const org = q.organization;
	count(q.respondents, org);
	const g = q.groups.indexOf(r.role);
	const role = g < 0 ? null : g;
	const means: (number | null)[] = [];
	q.shape.areas.forEach((area, a) => {
		const values: number[] = [];
		let given = false;
		for (const i of area.statements) {
			const v = r.answers[i] ?? null;
			if (v !== null && v >= 1 && v <= 5) values.push(v);
			if (role === null || v === null || v < NOT_USED || v > 5) continue;
			const s = q.statements[role][i];
			count(s.given, org);
			answer(s, v);
			answer(q.areas[role][a], v);
			given = true;
		}
		if (role !== null && given) count(q.areas[role][a].given, org);
		if (values.length === area.statements.length) {
			addCase(q.scales[a].sums, values);
			count(q.scales[a].cases, org);
		}
		means.push(areaScore(r.answers as Answer[], area.statements));
	});
	for (let a = 0; a < means.length; a++) {
		const x = means[a];
		if (x === null) continue;
		for (let b = a + 1; b < means.length; b++) {
			const y = means[b];
			if (y === null) continue;
			const p = q.pairs[pairIndex(a, b, means.length)];
			addPair(p.sums, x, y);
			count(p.n, org);
		}
	}
}

/** By respondent group key. */
export type GroupShares = Record<string, number | null>;

export interface RoleShares {
	/** Share of each group's answers that were "don't know" (0..1), or null with too few answers. */
	dontKnow: GroupShares;
	/** Share that were "not used in our team"; null where the statement (or no statement of the area) offers it. */
	notUsed: GroupShares | null;
}

export interface StatementQuality extends RoleShares {
	key: string;
	/** Corrected item-total correlation (the statement against the sum of the area's other statements). */
	itemTotal: number | null;
	/** itemTotal, as shown (2 decimals), is below ITEM_TOTAL_FLAG. */
	flagged: boolean;
}

export interface AreaQuality extends RoleShares {
	key: string;
	/** Respondents who answered every statement of the area 1–5 (null when too few to show anything). */
	cases: number | null;
	alpha: number | null;
	/** alpha, as shown (2 decimals), is below ALPHA_AIM. */
	belowAim: boolean;
	statements: StatementQuality[];
}

export interface ModelQuality {
	/** At least MIN_ORGANIZATIONS organizations and MIN_RESPONDENTS respondents: otherwise nothing else is given. */
	enough: boolean;
	minimum: { organizations: number; respondents: number };
	organizations: number | null;
	respondents: number | null;
	/** The model's respondent groups, in its order: the keys of the shares. */
	groups: string[];
	areas: AreaQuality[];
	/** Pearson's r between areas (rows and columns in area order; 1 on the diagonal, null with too few respondents). */
	correlations: (number | null)[][];
}

/**
 * The figures, each given only where enough respondents and organizations stand behind it.
 * `notUsed` says which statements offer "not used in our team" (statement indexes).
 */
export function summarize(q: QualityAccumulator, opts: { statementKeys: readonly string[]; notUsed: ReadonlySet<number> }): ModelQuality {
	const minimum = { organizations: MIN_ORGANIZATIONS, respondents: MIN_RESPONDENTS };
	const groups = [...q.groups];
	if (!enough(q.respondents)) return { enough: false, minimum, organizations: null, respondents: null, groups, areas: [], correlations: [] };
	const share = (s: Shares, part: number) => (enough(s.given) ? part / s.answers : null);
	const perGroup = (pick: (g: number) => Shares, part: (s: Shares) => number): GroupShares =>
		Object.fromEntries(groups.map((key, g) => [key, share(pick(g), part(pick(g)))]));
	const rates = (pick: (g: number) => Shares, offersNotUsed: boolean): RoleShares => ({
		dontKnow: perGroup(pick, (s) => s.dontKnow),
		notUsed: offersNotUsed ? perGroup(pick, (s) => s.notUsed) : null
	});
	const areas = q.shape.areas.map((area, a): AreaQuality => {
		const scale = q.scales[a];
		const shown = enough(scale.cases);
		const alpha = shown ? cronbachAlpha(scale.sums) : null;
		const itemTotal = shown ? correctedItemTotal(scale.sums) : area.statements.map(() => null);
		return {
			key: q.shape.areas[a].key,
			cases: shown ? scale.cases.n : null,
			alpha,
			belowAim: alpha !== null && round2(alpha) < ALPHA_AIM,
			...rates(
				(role) => q.areas[role][a],
				area.statements.some((i) => opts.notUsed.has(i))
			),
			statements: area.statements.map((i, j) => ({
				key: opts.statementKeys[i],
				itemTotal: itemTotal[j],
				flagged: itemTotal[j] !== null && round2(itemTotal[j]!) < ITEM_TOTAL_FLAG,
				...rates((role) => q.statements[role][i], opts.notUsed.has(i))
			}))
		};
	});
	const n = q.shape.areas.length;
	const correlations = Array.from({ length: n }, (_, a) =>
		Array.from({ length: n }, (_, b) => {
			if (a === b) return 1;
			const p = q.pairs[pairIndex(Math.min(a, b), Math.max(a, b), n)];
			return enough(p.n) ? pearson(p.sums) : null;
		})
	);
	return { enough: true, minimum, organizations: q.respondents.organizations, respondents: q.respondents.n, groups, areas, correlations };
}
