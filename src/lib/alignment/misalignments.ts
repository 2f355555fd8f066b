/**
 * Misalignments (pure): where parts of a model that should agree do not. A model declares its alignment
 * pairs as data (two areas, or two statements) and a threshold; a pair is flagged when its two scores,
 * as shown (2 decimals), differ by at least the threshold, and a statement shows a group gap when two
 * respondent groups' shown scores of it differ by as much. Hidden figures (null) are never compared.
 */
import { round2, shownDifference } from '$lib/results/colour';

export interface AlignmentPair {
	key: string;
	/** Two areas, or two statements (by key). */
	areas?: readonly [string, string];
	statements?: readonly [string, string];
}

export interface AlignmentSpec {
	threshold: number;
	pairs: readonly AlignmentPair[];
	/** Area keys in model order. */
	areas: readonly string[];
	/** Statement keys in answer order. */
	statements: readonly string[];
	/** Respondent groups in the model's order. */
	groups: readonly string[];
}

/** What a viewer is shown of one unit (raw figures; null where the pattern hides them). */
export interface AlignmentFigures {
	/** By area, model order. */
	areaScores: readonly (number | null)[];
	/** By statement, answer order. */
	statementScores: readonly (number | null)[];
	/** Per group: by statement, answer order. */
	groupStatementScores: Readonly<Record<string, readonly (number | null)[]>>;
}

export interface MatrixCell {
	/** Row area's shown score minus the column area's; null where either is hidden (and on the diagonal). */
	difference: number | null;
	/** |difference| ≥ threshold. */
	beyond: boolean;
	/** The declared pair of these two areas, if any. */
	pair: string | null;
}

export interface PairFigure {
	key: string;
	kind: 'areas' | 'statements';
	/** The two areas' or statements' keys, as the model names them. */
	items: [string, string];
	scores: [number | null, number | null];
	/** First minus second, as shown; null where either is hidden. */
	difference: number | null;
	flagged: boolean;
}

export interface GroupGap {
	statement: string;
	groups: [string, string];
	scores: [number, number];
	/** First group minus second, as shown. */
	difference: number;
}

export interface Misalignments {
	threshold: number;
	/** The areas' shown scores, model order. */
	areaScores: (number | null)[];
	/** areas × areas. */
	matrix: MatrixCell[][];
	/** Every declared pair in model order, flagged or not. */
	pairs: PairFigure[];
	/** Statements on which two groups differ by at least the threshold, the largest gap first (at most `maxGroupGaps`). */
	groupGaps: GroupGap[];
	/** How many group gaps there were before the list was cut. */
	groupGapCount: number;
}

export const MAX_GROUP_GAPS = 10;

const shown = (x: number | null | undefined): number | null => (x === null || x === undefined || !Number.isFinite(x) ? null : round2(x));

/** Whether a shown difference reaches the threshold (both as shown, so 0.745 shown as 0.75 does, 0.744 shown as 0.74 does not). */
export const reaches = (difference: number | null, threshold: number): boolean => difference !== null && Math.abs(difference) >= round2(threshold);

export function misalignments(spec: AlignmentSpec, figures: AlignmentFigures, maxGroupGaps = MAX_GROUP_GAPS): Misalignments {
	const areaScores = spec.areas.map((_, i) => shown(figures.areaScores[i]));
	const statementScores = spec.statements.map((_, i) => shown(figures.statementScores[i]));
	const areaIndex = new Map(spec.areas.map((k, i) => [k, i]));
	const statementIndex = new Map(spec.statements.map((k, i) => [k, i]));
	const pairOfAreas = new Map<string, string>();
	for (const p of spec.pairs)
		if (p.areas) {
			pairOfAreas.set(`${p.areas[0]}|${p.areas[1]}`, p.key);
			pairOfAreas.set(`${p.areas[1]}|${p.areas[0]}`, p.key);
		}

	const matrix = spec.areas.map((row, i) =>
		spec.areas.map((col, j) => {
			const difference = i === j ? null : shownDifference(areaScores[i], areaScores[j]);
			return { difference, beyond: reaches(difference, spec.threshold), pair: i === j ? null : (pairOfAreas.get(`${row}|${col}`) ?? null) };
		})
	);

	const pairs: PairFigure[] = spec.pairs.map((p) => {
		const kind = p.areas ? 'areas' : 'statements';
		const items = (p.areas ?? p.statements ?? ['', '']) as readonly [string, string];
		const score = (k: string) => (p.areas ? (areaScores[areaIndex.get(k) ?? -1] ?? null) : (statementScores[statementIndex.get(k) ?? -1] ?? null));
		const scores: [number | null, number | null] = [score(items[0]), score(items[1])];
		const difference = shownDifference(scores[0], scores[1]);
		return { key: p.key, kind, items: [items[0], items[1]], scores, difference, flagged: reaches(difference, spec.threshold) };
	});

	const gaps: (GroupGap & { order: number })[] = [];
	const groups = spec.groups.filter((g) => figures.groupStatementScores[g]);
	spec.statements.forEach((statement, si) => {
		for (let a = 0; a < groups.length; a++)
			for (let b = a + 1; b < groups.length; b++) {
				const x = shown(figures.groupStatementScores[groups[a]][si]);
				const y = shown(figures.groupStatementScores[groups[b]][si]);
				if (x === null || y === null) continue;
				const difference = shownDifference(x, y)!;
				if (reaches(difference, spec.threshold)) gaps.push({ statement, groups: [groups[a], groups[b]], scores: [x, y], difference, order: gaps.length });
			}
	});
	gaps.sort((p, q) => Math.abs(q.difference) - Math.abs(p.difference) || p.order - q.order);
	return {
		threshold: spec.threshold,
		areaScores,
		matrix,
		pairs,
		groupGaps: gaps.slice(0, maxGroupGaps).map(({ order: _, ...g }) => g),
		groupGapCount: gaps.length
	};
}
