import { db, type Db } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/actor';
import type { Locale } from '$lib/i18n';
import { NotFoundError } from '$lib/server/errors';
import { organizationZoneAndLanguage } from '$lib/server/rounds/successor';
import { heatmap } from '$lib/server/results/heatmap';
import { listResultRounds } from '$lib/server/results/list';
import { association, MIN_UNITS, type Association } from '$lib/kpis/association';
import { lastClosedMonth, monthKey, monthOf, type Month } from '$lib/kpis/month';
import type { KpiDefinition } from '$lib/kpis/definition';
import { listKpis } from './definitions';
import { boardAccess, chosenUnit, ORGANIZATION } from './board-access';
import { attainments } from './attainment';
import { practiceUnits, type PracticeUnit } from './practice-units';
import { defaultModelId } from '$lib/server/models/registry';

export interface PracticeArea {
	key: string;
	name: string;
	/** Teams with both this area's score (as shown) and the KPI's attainment. */
	n: number;
	/** Null: fewer than MIN_UNITS teams, or no spread. */
	association: Association | null;
}

export interface Practices {
	rounds: { id: string; name: string }[];
	round: { id: string; name: string } | null;
	kpis: { key: string; names: KpiDefinition['names']; direction: KpiDefinition['direction'] }[];
	kpi: string | null;
	units: PracticeUnit[];
	unit: string;
	unitName: string;
	/** The month whose year-to-date attainment is taken (null: no round or no KPI). */
	month: string | null;
	/** Whether the KPI is taken year to date (else the month's, e.g. a stock such as pipeline coverage). */
	ytd: boolean;
	/** The leaf teams used: shown in the round's results and with an attainment, best first. */
	teams: { id: string; name: string; attainment: number }[];
	areas: PracticeArea[];
	minUnits: number;
}

type Options = { actor: Actor; locale: Locale; unitId?: string | null; kpi?: string | null; roundId?: string | null; now?: Date };

const CHOICE = { compare: 'all', statistic: 'mean' } as const;

/**
 * Which management practices go with hitting target, for a unit the caller may open in both the results
 * and the KPI board: across the leaf teams under it (the level with the most units, and where the people
 * are), each area's score as the heatmap shows it to the caller (hidden teams and areas are left out:
 * nothing is computed from answers) against the KPI's attainment at the round's month (or the last closed
 * month when the round's month is later or has no figures), Spearman's rho with its 90 % interval.
 */
export async function practices(opts: Options, executor: Db = db()): Promise<Practices> {
	// The practices are areas of the default model: its rounds only.
	const modelId = await defaultModelId();
	const rounds = (await listResultRounds({ actor: opts.actor, modelId }, executor)).filter((r) => r.startUnit);
	const access = await boardAccess(opts.actor, executor);
	const [kpiRows, { zone }] = await Promise.all([
		listKpis({ organizationId: access.organizationId }, executor),
		organizationZoneAndLanguage(access.organizationId, executor)
	]);
	const round = opts.roundId ? rounds.find((r) => r.id === opts.roundId) : (rounds.find((r) => r.respondents !== null) ?? rounds[0]);
	if (opts.roundId && !round) throw new NotFoundError('round');
	const unit = opts.unitId || round?.startUnit?.id || (access.root ?? ORGANIZATION);
	chosenUnit(access, unit);
	const kpis = kpiRows.map((k) => ({ key: k.key, names: k.definition.names, direction: k.definition.direction }));
	const kpi = opts.kpi ? kpiRows.find((k) => k.key === opts.kpi) : (kpiRows.find((k) => k.definition.alarm.month || k.definition.alarm.ytd) ?? kpiRows[0]);
	if (opts.kpi && !kpi) throw new NotFoundError('kpi');
	const base = {
		rounds: rounds.map((r) => ({ id: r.id, name: r.name })),
		round: round ? { id: round.id, name: round.name } : null,
		kpis,
		kpi: kpi?.key ?? null,
		ytd: !!kpi?.definition.alarm.ytd,
		units: practiceUnits(access, opts.actor.membership!.organizationName),
		unit,
		unitName: access.units.find((u) => u.id === unit)?.name ?? opts.actor.membership!.organizationName,
		minUnits: MIN_UNITS
	};
	if (!round || !kpi) return { ...base, month: null, teams: [], areas: [] };

	const map = await heatmap({ actor: opts.actor, roundId: round.id, unitId: unit, depth: 10, locale: opts.locale, choice: CHOICE }, executor);
	const parents = new Set(map.rows.map((r) => r.parentId));
	const leaves = map.rows.filter((r) => r.depth > 0 && !parents.has(r.id) && r.respondents !== null);
	const now = opts.now ?? new Date();
	const closed = lastClosedMonth(now, zone);
	const atRound = round.closedAt ? monthOf(round.closedAt, zone) : closed;
	const later = (a: Month, b: Month) => a.year * 12 + a.month > b.year * 12 + b.month;
	const months = [...new Set([monthKey(later(atRound, closed) ? closed : atRound), monthKey(closed)])];
	let month = months[0];
	let reached = new Map<string, number>();
	for (const m of months) {
		reached = await attainments({ actor: opts.actor, access, unitIds: leaves.map((l) => l.id), kpi: kpi.definition, month: m }, executor);
		month = m;
		if (reached.size > 0) break;
	}
	// Ranks only: a lower-is-better KPI's attainment counts the other way round, so rho > 0 always means "better than plan".
	const better = (a: number) => (kpi.definition.direction === 'lower' ? -a : a);
	const used = leaves.filter((l) => reached.has(l.id));
	const areas = map.areas.map((a, i): PracticeArea => {
		const pairs = used.flatMap((l) => (l.areas[i].score === null ? [] : [{ x: l.areas[i].score!, y: better(reached.get(l.id)!) }]));
		return { key: a.key, name: a.name, n: pairs.length, association: association(pairs) };
	});
	areas.sort((a, b) => (b.association?.rho ?? -2) - (a.association?.rho ?? -2));
	const teams = used.map((l) => ({ id: l.id, name: l.name, attainment: reached.get(l.id)! })).sort((a, b) => better(b.attainment) - better(a.attainment));
	return { ...base, month, teams, areas };
}
