/**
 * One viewer's view of one round (pure): the round's frozen unit tree with each unit's figures summed
 * over its subtree, and what this viewer may see of them: the round's disclosure pattern (decided once
 * for the whole organization, `pattern.ts`) narrowed to the units the viewer may open. Every page,
 * export and API answer reads figures through this, so they all show a subset of the same pattern.
 */
import { addStats, areaScore, areaSpread, emptyStats, statementMean, type GroupStats } from './stats';
import type { Spread } from './interval';
import { ORGANIZATION, type Pattern } from './pattern';
import type { Role, Visibility } from './suppression';

export { COMMENT_MIN, commentThreshold } from './pattern';
export { ORGANIZATION };

export interface TreeUnit {
	id: string;
	parentId: string | null;
	name: string;
}

export interface RoundData {
	k: number;
	areas: number;
	statements: number;
	/** Statement indices of each area. */
	areaStatements: number[][];
	/** The model's respondent groups. */
	groups: readonly Role[];
	questionKeys: string[];
	tree: TreeUnit[];
	/** Each unit's own responses per group (for respondent counts only their counts are needed). */
	aggregates: { unitId: string; role: Role; stats: GroupStats }[];
	/** Whole-subtree figures per unit and group, for the units to be shown; without it they are added up from `aggregates`. */
	totals?: Map<string, Partial<Record<Role, GroupStats>>>;
	/** What may ever be shown of the round. */
	pattern: Pattern;
}

export interface Scope {
	/** Sees everything, with the whole organization as one more unit on top. */
	all: boolean;
	/** Units of today's tree the viewer may see (their subtree); ignored when `all`. */
	unitIds: ReadonlySet<string>;
}

/** A unit's figures: everyone (`all`) and each respondent group (by its key). */
export type Split = Record<'all' | Role, GroupStats>;

export interface RoundView {
	k: number;
	/** The round's respondent groups, in the model's order. */
	groups: readonly Role[];
	units: Map<string, TreeUnit>;
	children: Map<string, TreeUnit[]>;
	/** Units the viewer may open, top ones first. */
	roots: string[];
	/** Whether the viewer may open this unit at all (its figures may still be hidden). */
	canOpen(unitId: string): boolean;
	stats(unitId: string): Split;
	/** The unit and every unit below it in the round's tree. */
	subtree(unitId: string): string[];
	/** Respondents in the unit's subtree (known for every unit, whichever figures were loaded). */
	respondents(unitId: string): number;
	/** The unit's own figures (respondents): shown at all, split by group. */
	unit(unitId: string): Visibility;
	/** One area (0…areas−1) or statement (areas…) of the unit. */
	metric(unitId: string, metric: number): Visibility;
	/** An area's score for the unit (all, or one group), from its shown statements; null where hidden. */
	areaScore(unitId: string, area: number, group?: 'all' | Role): number | null;
	/** A statement's score (index in answer order) for the unit (all, or one group); null where hidden. */
	statementScore(unitId: string, statement: number, group?: 'all' | Role): number | null;
	/** An area's spread for the unit (n, sum and sum of squares of respondents' area means): null where the pattern hides it or it was not kept. */
	areaSpread(unitId: string, area: number, group?: 'all' | Role): Spread | null;
	question(unitId: string, key: string): boolean;
	comments(unitId: string): boolean;
}

const HIDDEN: Visibility = { all: false, roles: false };

export function buildView(data: RoundData, scope: Scope, organizationName: string): RoundView {
	const tree: TreeUnit[] = scope.all
		? [{ id: ORGANIZATION, parentId: null, name: organizationName }, ...data.tree.map((u) => ({ ...u, parentId: u.parentId ?? ORGANIZATION }))]
		: data.tree;
	const units = new Map(tree.map((u) => [u.id, u]));
	const children = new Map<string, TreeUnit[]>();
	for (const u of tree) if (u.parentId && units.has(u.parentId)) (children.get(u.parentId) ?? children.set(u.parentId, []).get(u.parentId)!).push(u);
	for (const list of children.values()) list.sort((a, b) => a.name.localeCompare(b.name));

	const dims = { areaCount: data.areas, statementCount: data.statements };
	const keys = ['all', ...data.groups];
	const split = (): Split => Object.fromEntries(keys.map((key) => [key, emptyStats(dims)]));
	const EMPTY = emptyStats(dims);
	const none = (): Record<Role, GroupStats> => Object.fromEntries(data.groups.map((g) => [g, EMPTY]));
	// One aggregate per unit and group (a unit deleted before the round opened cannot hold responses).
	const own = new Map<string, Record<Role, GroupStats>>();
	for (const a of data.aggregates)
		if (units.has(a.unitId) && data.groups.includes(a.role)) (own.get(a.unitId) ?? own.set(a.unitId, none()).get(a.unitId)!)[a.role] = a.stats;
	/** A unit and everything below it. */
	const subtree = (id: string): string[] => {
		const out: string[] = [];
		const todo = [id];
		for (let x = todo.pop(); x !== undefined; x = todo.pop()) {
			out.push(x);
			todo.push(...(children.get(x) ?? []).map((c) => c.id));
		}
		return out;
	};
	const totals = new Map<string, Split>();
	/** A unit's figures: its own and its sub-units' responses added up (loaded, or worked out here). */
	const total = (id: string): Split => {
		if (totals.has(id)) return totals.get(id)!;
		const t = split();
		if (data.totals && id === ORGANIZATION) {
			for (const c of children.get(id) ?? []) for (const key of keys) addStats(t[key], total(c.id)[key]);
		} else if (data.totals) {
			const loaded = data.totals.get(id);
			if (!loaded) throw new Error(`The figures of unit ${id} were not loaded`);
			for (const r of data.groups)
				if (loaded[r]) {
					t[r] = loaded[r];
					addStats(t.all, loaded[r]);
				}
		} else {
			for (const x of subtree(id)) {
				const part = own.get(x);
				if (part)
					for (const r of data.groups) {
						addStats(t[r], part[r]);
						addStats(t.all, part[r]);
					}
			}
		}
		totals.set(id, t);
		return t;
	};

	const visible = new Set(scope.all ? units.keys() : tree.filter((u) => scope.unitIds.has(u.id)).map((u) => u.id));
	const p = data.pattern;
	const position = new Map(p.units.map((id, i) => [id, i]));
	/** A figure of the pattern at a unit the viewer may open. */
	const at = (shown: { all: Uint8Array; roles: Uint8Array } | undefined, id: string): Visibility => {
		const i = position.get(id);
		return i === undefined || !shown || !visible.has(id) ? HIDDEN : { all: !!shown.all[i], roles: !!shown.roles[i] };
	};
	const flag = (shown: Uint8Array | undefined, id: string) => {
		const i = position.get(id);
		return i !== undefined && !!shown?.[i] && visible.has(id);
	};
	const metric = (id: string, m: number) => at(m < data.areas ? p.areas[m] : p.statements[m - data.areas], id);
	/** Figures of everyone, or of a group of the round that holds people in the unit (an empty group has none). */
	const holds = (id: string, group: string) => group === 'all' || (data.groups.includes(group) && total(id)[group].respondents > 0);

	return {
		k: data.k,
		groups: data.groups,
		units,
		children,
		roots: tree.filter((u) => visible.has(u.id) && !(u.parentId && visible.has(u.parentId))).map((u) => u.id),
		canOpen: (id) => visible.has(id),
		stats: total,
		subtree,
		respondents: (id) => subtree(id).reduce((n, x) => n + data.groups.reduce((m, g) => m + (own.get(x)?.[g].respondents ?? 0), 0), 0),
		unit: (id) => at(p.unit, id),
		metric: (id, m) => (Number.isInteger(m) && m >= 0 && m < data.areas + data.statements ? metric(id, m) : HIDDEN),
		areaScore: (id, area, group = 'all') => {
			const key = group === 'all' ? 'all' : 'roles';
			if (!holds(id, group) || !metric(id, area)[key]) return null;
			return areaScore(total(id)[group], data.areaStatements[area], (si) => metric(id, data.areas + si)[key]);
		},
		statementScore: (id, si, group = 'all') => {
			const shown = Number.isInteger(si) && si >= 0 && si < data.statements ? metric(id, data.areas + si) : HIDDEN;
			return holds(id, group) && (group === 'all' ? shown.all : shown.roles) ? statementMean(total(id)[group], si) : null;
		},
		areaSpread: (id, area, group = 'all') => {
			const shown = Number.isInteger(area) && area >= 0 && area < data.areas ? at(p.spreads?.[area], id) : HIDDEN;
			return holds(id, group) && (group === 'all' ? shown.all : shown.roles) ? areaSpread(total(id)[group], area) : null;
		},
		question: (id, key) => data.questionKeys.includes(key) && flag(p.questions[key], id),
		comments: (id) => flag(p.comments, id)
	};
}

/** The viewer's units above `unitId`, top first (for breadcrumbs). */
export function pathTo(view: RoundView, unitId: string, canSee: (id: string) => boolean): TreeUnit[] {
	const path: TreeUnit[] = [];
	for (let u = view.units.get(unitId); u; u = u.parentId ? view.units.get(u.parentId) : undefined) if (canSee(u.id)) path.unshift(u);
	return path;
}
