import { db, type Db } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/actor';
import type { Locale } from '$lib/i18n';
import { ForbiddenError, NotFoundError } from '$lib/server/errors';
import { defaultModel } from '$lib/server/models/registry';
import { modelText } from '$lib/server/results/text';
import { listResultRounds } from '$lib/server/results/list';
import { unitResults } from '$lib/server/results/unit-results';
import type { Status } from '$lib/results/colour';

export interface AlarmAreaFigure {
	name: string;
	/** As the unit's report shows it (null: hidden, or the unit's results are not shown). */
	score: number | null;
	status: Status | null;
	inLine: boolean;
}

export interface AlarmAreas {
	unitId: string;
	/** The newest round whose results of the unit the caller is shown; null: none (names only). */
	round: { id: string; name: string } | null;
	areas: Record<string, AlarmAreaFigure>;
}

/** How many of the newest rounds are tried for one in which the unit's results are shown. */
const ROUNDS = 3;

/**
 * What the review shows beside an alarm: each area's score and status in the unit's latest results, as
 * the unit's report shows them to the caller (the same use case); only names when the caller reads no
 * results (a sales person) or none of the unit's recent rounds is shown.
 */
export async function alarmAreas(opts: { actor: Actor; unitId: string; locale: Locale }, executor: Db = db()): Promise<AlarmAreas> {
	const choice = { compare: 'all', statistic: 'mean' } as const;
	// The KPIs' practices are areas of the default model: its rounds only (an audit's dimensions are others).
	const model = await defaultModel();
	const rounds = await listResultRounds({ actor: opts.actor, limit: ROUNDS, modelId: model.structure.id }, executor).catch(quiet([]));
	for (const round of rounds) {
		const r = await unitResults({ actor: opts.actor, roundId: round.id, unitId: opts.unitId, locale: opts.locale, choice }, executor).catch(quiet(null));
		if (!r || r.unit.respondents === null) continue;
		const areas = Object.fromEntries(r.areas.map((a) => [a.key, { name: a.name, score: a.score, status: a.status, inLine: a.inLine }]));
		return { unitId: opts.unitId, round: { id: round.id, name: round.name }, areas };
	}
	const text = modelText(model, opts.locale);
	const areas = Object.fromEntries(model.shape.areas.map((a) => [a.key, { name: text.area(a.key).name, score: null, status: null, inLine: false }]));
	return { unitId: opts.unitId, round: null, areas };
}

/** Not allowed to read results, or the unit not in that round: nothing to show, not an error. */
const quiet =
	<T>(fallback: T) =>
	(err: unknown): T => {
		if (err instanceof ForbiddenError || err instanceof NotFoundError) return fallback;
		throw err;
	};
