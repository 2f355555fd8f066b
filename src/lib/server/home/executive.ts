import { db, type Db } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/actor';
import type { Locale } from '$lib/i18n';
import type { Status } from '$lib/results/colour';
import type { Verdict } from '$lib/results/interval';
import { ORGANIZATION } from '$lib/results/view';
import { listResultRounds } from '$lib/server/results/list';
import { unitResults, type AreaResult } from '$lib/server/results/unit-results';
import { unitTrend } from '$lib/server/results/trend';
import { heatmap } from '$lib/server/results/heatmap';
import { roundResponseRates } from '$lib/server/rounds/response-rates';
import { listActions, type ActionView } from '$lib/server/actions/queries';
import { listDecisions, type DecisionView } from '$lib/server/decisions/decisions';

/** How deep the lowest units are looked for below the top unit (the heatmap's levels). */
const DEPTH = 3;
/** How many movers, actions and decisions the home lists (the pages behind them list all). */
const MOVERS = 6;
const LISTED = 5;

export interface Mover {
	unit: { id: string; name: string };
	area: { key: string; name: string };
	before: number;
	after: number;
	difference: number;
	verdict: Extract<Verdict, 'improvement' | 'decline'>;
}

export interface LowUnit {
	area: { key: string; name: string };
	unit: { id: string; name: string };
	score: number;
	status: Status | null;
}

export interface ExecutiveHome {
	round: {
		id: string;
		name: string;
		closedAt: Date | null;
		k: number;
		isGenerated: boolean;
		previous: { id: string; name: string } | null;
		/** A newer published round whose results at the top unit are hidden (too few respondents): named, so the home does not look out of date. */
		newerHidden: { id: string; name: string } | null;
	};
	unit: { id: string; name: string; isOrganization: boolean; respondents: number | null };
	areas: Pick<AreaResult, 'key' | 'name' | 'score' | 'benchmark' | 'difference' | 'status' | 'rank' | 'n' | 'interval' | 'inLine'>[];
	/** Clear changes only (Welch's 90 % interval excludes zero), the largest first: of the top unit and the units below it that the heatmap shows. */
	movers: Mover[];
	/** The round's response rate as its round page shows it (admins; null where it is not shown). */
	participation: { invited: number; completed: number; rate: number } | null;
	/** Per area, the unit below the top with the lowest score the viewer's heatmap shows (areas without a shown score left out), lowest first. */
	lowest: LowUnit[];
	/** Whether the top unit has units below it that the viewer may open (a team lead's team has none). */
	hasUnitsBelow: boolean;
	actions: { open: number; overdue: number; items: Pick<ActionView, 'id' | 'title' | 'unit' | 'dueOn' | 'overdue' | 'status' | 'owner'>[] };
	/** Decision points dated today or later, the soonest first. */
	decisions: Pick<DecisionView, 'id' | 'title' | 'unit' | 'decidedOn'>[];
}

/**
 * What a sales director reads first: for the top unit the viewer may see, the latest published round's
 * area scores, the clear movers since the round before, participation, the lowest units per area, and
 * the open actions and coming decisions. Every figure comes from the same use cases as the report,
 * heatmap and trend pages (so through the viewer's part of the disclosure pattern); nothing is
 * recomputed here. The round is the newest whose results at the top the viewer may see (a newer one
 * too small to show is named). Null when no published round has anything the viewer may see.
 */
export async function executiveHome(opts: { actor: Actor; locale: Locale; today?: string }, executor: Db = db()): Promise<ExecutiveHome | null> {
	const rounds = (await listResultRounds({ actor: opts.actor, limit: 12 }, executor)).filter((x) => x.startUnit);
	// The newest round whose results the viewer may see at the top; a newer one that shows nothing is named, not opened.
	const latest = rounds.find((x) => x.respondents !== null) ?? rounds[0];
	if (!latest?.startUnit) return null;
	const newerHidden = rounds[0] !== latest ? { id: rounds[0].id, name: rounds[0].name } : null;
	const { actor, locale } = opts;
	const top = latest.startUnit.id;
	const choice = { compare: 'all', statistic: 'mean' } as const;
	const [r, h] = await Promise.all([
		unitResults({ actor, roundId: latest.id, unitId: top, locale, choice }, executor),
		heatmap({ actor, roundId: latest.id, unitId: top, depth: DEPTH, locale, choice }, executor)
	]);
	// Movers among the units whose figures the viewer's heatmap shows (a hidden unit has no trend figures either).
	const shown = h.rows.filter((row) => row.respondents !== null).map(({ id, name }) => ({ id, name }));
	const [movers, participation, actions, decisions] = await Promise.all([
		moversOf({ actor, locale, roundId: latest.id, modelId: r.round.model.split(' ')[0], units: shown }, executor),
		participationOf(actor, latest.id, top, executor),
		openActions(actor, executor),
		comingDecisions(actor, opts.today ?? new Date().toISOString().slice(0, 10), executor)
	]);
	const trend = movers.previous;
	return {
		round: { id: r.round.id, name: r.round.name, closedAt: r.round.closedAt, k: r.round.k, isGenerated: r.round.isGenerated, previous: trend, newerHidden },
		unit: { id: r.unit.id, name: r.unit.name, isOrganization: r.unit.isOrganization, respondents: r.unit.respondents },
		areas: r.areas.map(({ key, name, score, benchmark, difference, status, rank, n, interval, inLine }) => ({
			key,
			name,
			score,
			benchmark,
			difference,
			status,
			rank,
			n,
			interval,
			inLine
		})),
		movers: movers.list,
		participation,
		lowest: lowestOf(h),
		hasUnitsBelow: h.rows.length > 1,
		actions,
		decisions
	};
}

/** The clear changes of each unit's areas between the round before and this one, as its trend shows them. */
async function moversOf(
	opts: { actor: Actor; locale: Locale; roundId: string; modelId: string; units: { id: string; name: string }[] },
	executor: Db
): Promise<{ list: Mover[]; previous: { id: string; name: string } | null }> {
	const list: Mover[] = [];
	let previous: { id: string; name: string } | null = null;
	// The trends are read side by side (each reads the same published rounds; nothing is written).
	const trends = await Promise.all(
		opts.units.map((unit) => unitTrend({ actor: opts.actor, unitId: unit.id, locale: opts.locale, modelId: opts.modelId }, executor))
	);
	for (const [u, trend] of trends.entries()) {
		const unit = opts.units[u];
		const at = trend.rounds.findIndex((r) => r.id === opts.roundId);
		const [before, after] = at > 0 ? [trend.rounds[at - 1], trend.rounds[at]] : [];
		if (!before || !after) continue;
		previous ??= { id: before.id, name: before.name };
		for (const [i, a] of after.areas.entries()) {
			const was = before.areas[i].score;
			const verdict = a.change?.verdict;
			if (a.score === null || was === null || !a.change || (verdict !== 'improvement' && verdict !== 'decline')) continue;
			list.push({ unit, area: { key: a.key, name: trend.areas[i].name }, before: was, after: a.score, difference: a.change.difference, verdict });
		}
	}
	list.sort((a, b) => Math.abs(b.difference) - Math.abs(a.difference) || a.unit.name.localeCompare(b.unit.name));
	return { list: list.slice(0, MOVERS), previous };
}

/** Per area, the lowest score among the units below the top that the viewer's heatmap shows. */
function lowestOf(h: Awaited<ReturnType<typeof heatmap>>): LowUnit[] {
	const below = h.rows.filter((row) => row.depth > 0);
	const out: LowUnit[] = [];
	for (const [i, area] of h.areas.entries()) {
		let low: LowUnit | null = null;
		for (const row of below) {
			const s = row.areas[i].score;
			if (s !== null && (!low || s < low.score)) low = { area, unit: { id: row.id, name: row.name }, score: s, status: row.areas[i].status };
		}
		if (low) out.push(low);
	}
	return out.sort((a, b) => a.score - b.score);
}

/** The round's response rate where its round page shows one: to admins, for the whole organization, with at least k invited. */
async function participationOf(actor: Actor, roundId: string, top: string, executor: Db): Promise<ExecutiveHome['participation']> {
	const m = actor.membership!;
	if (m.access !== 'admin' || top !== ORGANIZATION) return null;
	const { total } = await roundResponseRates({ organizationId: m.organizationId, roundId }, executor);
	return total.hidden || total.rate === null || total.completed === null ? null : { invited: total.invited, completed: total.completed, rate: total.rate };
}

/** The open actions of everything the actor may see (the top unit's subtree, or all for an admin). */
async function openActions(actor: Actor, executor: Db): Promise<ExecutiveHome['actions']> {
	const open = await listActions({ actor, filter: { open: 'true' } }, executor);
	return {
		open: open.length,
		overdue: open.filter((a) => a.overdue).length,
		// Overdue first, then by due date (the list's order).
		items: open.slice(0, LISTED).map(({ id, title, unit, dueOn, overdue, status, owner }) => ({ id, title, unit, dueOn, overdue, status, owner }))
	};
}

async function comingDecisions(actor: Actor, today: string, executor: Db): Promise<ExecutiveHome['decisions']> {
	const all = await listDecisions({ actor, unitIds: null }, executor);
	return all
		.filter((d) => d.decidedOn >= today)
		.slice(0, LISTED)
		.map(({ id, title, unit, decidedOn }) => ({ id, title, unit, decidedOn }));
}
