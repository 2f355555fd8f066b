import { readDb, readFresh, type Db } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/actor';
import { NotFoundError } from '$lib/server/errors';
import type { Locale } from '$lib/i18n';
import { getModel, type CompiledModel } from '$lib/server/models/registry';
import { buildView, type RoundView } from '$lib/results/view';
import { misalignments, type AlignmentFigures, type MatrixCell } from '$lib/alignment/misalignments';
import { resultsAccess } from './scope';
import { getPublishedRound, loadRoundData } from './rounds';
import { modelText } from './text';

/**
 * The view's figures of one unit that the alignment rules compare (raw; null where the pattern hides
 * them): area and statement scores, and each group's statement scores where the unit's split is shown.
 * Every flag is then a difference of two shown figures, so it adds no equation to what is shown.
 */
export function figuresOf(view: RoundView, unitId: string, model: CompiledModel): AlignmentFigures {
	const indices = model.statementKeys.map((_, si) => si);
	return {
		areaScores: model.shape.areas.map((_, i) => view.areaScore(unitId, i)),
		statementScores: indices.map((si) => view.statementScore(unitId, si)),
		groupStatementScores: Object.fromEntries(model.structure.groups.map((g) => [g, indices.map((si) => view.statementScore(unitId, si, g))]))
	};
}

export interface UnitAlignment {
	round: { id: string; name: string; model: string };
	unit: { id: string; name: string };
	threshold: number;
	areas: { key: string; name: string; score: number | null }[];
	/** areas × areas, model order: row minus column. */
	matrix: MatrixCell[][];
	pairs: {
		key: string;
		kind: 'areas' | 'statements';
		items: { key: string; name: string; score: number | null }[];
		difference: number | null;
		flagged: boolean;
		symptom: string;
		behaviours: string[];
	}[];
	groupGaps: {
		statement: { key: string; area: string; text: string };
		groups: { key: string; name: string; score: number }[];
		difference: number;
	}[];
	/** Group gaps before the list was cut to the largest. */
	groupGapCount: number;
}

type Options = { actor: Actor; roundId: string; unitId: string; locale: Locale };

/**
 * Where a unit's parts of the model disagree in a published round: the area matrix, the model's
 * alignment pairs (with the symptom and the leadership behaviours to prioritise) and the statements on
 * which two respondent groups differ, every figure one the viewer is shown. Null for a model without
 * alignment pairs.
 */
export async function unitAlignment(opts: Options, executor: Db = readDb()): Promise<UnitAlignment | null> {
	return readFresh(executor, (e) => readUnitAlignment(opts, e));
}

async function readUnitAlignment(opts: Options, executor: Db): Promise<UnitAlignment | null> {
	const { organizationId, scope } = await resultsAccess(opts.actor, executor);
	const round = await getPublishedRound({ organizationId, roundId: opts.roundId }, executor);
	const model = await getModel(round.modelId, round.modelVersion);
	const alignment = model.structure.alignment;
	const { data } = await loadRoundData({ organizationId, round, totalsFor: [opts.unitId] }, executor);
	const view = buildView(data, scope, opts.actor.membership!.organizationName);
	if (!view.canOpen(opts.unitId)) throw new NotFoundError('unit');
	if (!alignment) return null;
	const areaKeys = model.shape.areas.map((a) => a.key);
	const m = misalignments(
		{ threshold: alignment.threshold, pairs: alignment.pairs, areas: areaKeys, statements: model.statementKeys, groups: model.structure.groups },
		figuresOf(view, opts.unitId, model)
	);
	const text = modelText(model, opts.locale);
	const tr = model.translations[opts.locale] ?? model.translations.en ?? Object.values(model.translations)[0];
	const fallback = model.translations.en ?? tr;
	const areaOf = new Map(model.structure.areas.flatMap((a) => a.statements.map((s) => [s, a.key])));
	const statementText = (key: string) => text.statement(areaOf.get(key)!, key).text;
	const groupName = (g: string) => (tr.groups[g] ?? fallback.groups[g])?.other ?? g;
	return {
		round: { id: round.id, name: round.name, model: `${round.modelId} ${round.modelVersion}` },
		unit: { id: opts.unitId, name: view.units.get(opts.unitId)!.name },
		threshold: alignment.threshold,
		areas: areaKeys.map((key, i) => ({ key, name: text.area(key).name, score: m.areaScores[i] })),
		matrix: m.matrix,
		pairs: m.pairs.map((p) => {
			const words = tr.alignment?.[p.key] ?? fallback.alignment?.[p.key];
			return {
				key: p.key,
				kind: p.kind,
				items: p.items.map((k, i) => ({ key: k, name: p.kind === 'areas' ? text.area(k).name : statementText(k), score: p.scores[i] })),
				difference: p.difference,
				flagged: p.flagged,
				symptom: words?.symptom ?? '',
				behaviours: words?.behaviours ?? []
			};
		}),
		groupGaps: m.groupGaps.map((g) => ({
			statement: { key: g.statement, area: areaOf.get(g.statement)!, text: statementText(g.statement) },
			groups: g.groups.map((k, i) => ({ key: k, name: groupName(k), score: g.scores[i] })),
			difference: g.difference
		})),
		groupGapCount: m.groupGapCount
	};
}
