/**
 * The disclosure pattern of a round (pure): what may ever be shown of it, decided once for the whole
 * organization as if one reader saw everything — every unit of the frozen tree, the organization on
 * top, every role split, statement, area, company question and comment set. It is stored with the
 * round's results and never widened; every view (any viewer, the admin, exports, the API, trends) shows
 * a subset of it, so no set of viewers, no admin creating viewers and no reorganization can put figures
 * side by side that the rule below did not already allow together.
 *
 * Statements, questions and comment sets each run the suppression rule (`suppression.ts`) on their own
 * counts over the whole tree. An area's score is a combination of its statements' shown figures (the
 * mean of their means), so it adds nothing a reader could not already work out from them: an area is
 * shown where the unit is and at least half of its statements are.
 *
 * An area's spread — how many respondents have an area mean, and the sums of those means and of their
 * squares, behind its n and 90 % interval — is not made of shown figures: it is counted per respondent
 * like a statement. So it runs the rule on its own count (respondents with an area mean) and is shown
 * only where the area's score is too. Where an area shows through half of its statements, the count
 * could otherwise differ between two shown groups by fewer than k people, and their sums of squares
 * with it. Patterns stored before spreads were decided have none: no interval for those rounds.
 */
import { suppressOnTree, treeOf, type Role } from './suppression';

/** The whole organization, as one more unit above the top units of the frozen tree. */
export const ORGANIZATION = 'organization';

/** Free-text comments need groups of at least this many respondents (and at least k). */
export const COMMENT_MIN = 10;

/** The real threshold for showing comments in a round with minimum group size k: COMMENT_MIN, or k when larger. */
export const commentThreshold = (k: number): number => Math.max(COMMENT_MIN, k);

export interface UnitCounts {
	respondents: number;
	/** Respondents who gave a scored answer (1–5) per statement. */
	statementN: readonly number[];
	/** Respondents with an area mean, per area (for the areas' spreads). */
	areaN?: readonly number[];
	questions: Readonly<Record<string, { n: number }>>;
}

export interface PatternInput {
	k: number;
	tree: readonly { id: string; parentId: string | null }[];
	/** The model's respondent groups. */
	groups: readonly Role[];
	/** Each unit's own responses (not its sub-units'), per group. */
	own: ReadonlyMap<string, Partial<Record<Role, UnitCounts>>>;
	/** Statement indices of each area, in model order. */
	areaStatements: readonly (readonly number[])[];
	statements: number;
	questionKeys: readonly string[];
	textQuestionKeys: readonly string[];
}

/** Per unit (in `units` order): may the figure be shown, and may it be split by respondent group. */
export interface Shown {
	all: Uint8Array;
	roles: Uint8Array;
}

export interface Pattern {
	units: string[];
	unit: Shown;
	statements: Shown[];
	areas: Shown[];
	/** Per area: may its spread (n, interval) be shown. Absent in patterns stored before it was decided. */
	spreads?: Shown[];
	questions: Record<string, Uint8Array>;
	comments: Uint8Array;
}

export function computePattern(input: PatternInput): Pattern {
	const nodes = [{ id: ORGANIZATION, parentId: null }, ...input.tree.map((u) => ({ id: u.id, parentId: u.parentId ?? ORGANIZATION }))];
	const tree = treeOf(nodes);
	const visible = nodes.map(() => true);
	const own = nodes.map((n) => input.own.get(n.id));
	const run = (count: (c: UnitCounts) => number, k = input.k, roles = true): Shown => {
		const per = (group: Role) => own.map((o) => (o?.[group] ? count(o[group]!) : 0));
		return suppressOnTree(tree, input.groups.map(per), visible, k, roles);
	};
	const unit = run((c) => c.respondents);
	const within = (s: Shown): Shown => ({ all: and(s.all, unit.all), roles: and(s.roles, unit.roles) });
	const statements = Array.from({ length: input.statements }, (_, i) => within(run((c) => c.statementN[i] ?? 0)));
	const areas = input.areaStatements.map((list) => ({
		all: half(
			list.map((i) => statements[i].all),
			unit.all
		),
		roles: half(
			list.map((i) => statements[i].roles),
			unit.roles
		)
	}));
	const spreads = areas.map((area, a) => {
		const counted = run((c) => c.areaN?.[a] ?? 0);
		return { all: and(counted.all, area.all), roles: and(counted.roles, area.roles) };
	});
	const questions = Object.fromEntries(
		input.questionKeys.filter((q) => !input.textQuestionKeys.includes(q)).map((q) => [q, and(run((c) => c.questions[q]?.n ?? 0, input.k, false).all, unit.all)])
	);
	const comments = and(run((c) => c.respondents, commentThreshold(input.k), false).all, unit.all);
	return { units: tree.ids, unit, statements, areas, spreads, questions, comments };
}

function and(a: Uint8Array, b: Uint8Array): Uint8Array {
	return a.map((x, i) => x & b[i]);
}

/** Shown where `gate` is and at least half of the parts are. */
function half(parts: Uint8Array[], gate: Uint8Array): Uint8Array {
	return gate.map((g, u) => (g && parts.length > 0 && 2 * parts.reduce((n, p) => n + p[u], 0) >= parts.length ? 1 : 0));
}

/** The stored form: bit strings per figure kind, one character per unit. */
export interface StoredPattern {
	v: 1;
	units: string[];
	unit: [string, string];
	statements: [string, string][];
	areas: [string, string][];
	spreads?: [string, string][];
	questions: Record<string, string>;
	comments: string;
}

const bits = (a: Uint8Array) => Array.from(a, (x) => (x ? '1' : '0')).join('');
const unbits = (s: string) => Uint8Array.from(s, (c) => (c === '1' ? 1 : 0));
const pair = (s: Shown): [string, string] => [bits(s.all), bits(s.roles)];
const unpair = ([all, roles]: [string, string]): Shown => ({ all: unbits(all), roles: unbits(roles) });

export function encodePattern(p: Pattern): StoredPattern {
	return {
		v: 1,
		units: p.units,
		unit: pair(p.unit),
		statements: p.statements.map(pair),
		areas: p.areas.map(pair),
		...(p.spreads ? { spreads: p.spreads.map(pair) } : {}),
		questions: Object.fromEntries(Object.entries(p.questions).map(([k, v]) => [k, bits(v)])),
		comments: bits(p.comments)
	};
}

export function decodePattern(s: StoredPattern): Pattern {
	return {
		units: s.units,
		unit: unpair(s.unit),
		statements: s.statements.map(unpair),
		areas: s.areas.map(unpair),
		...(s.spreads ? { spreads: s.spreads.map(unpair) } : {}),
		questions: Object.fromEntries(Object.entries(s.questions).map(([k, v]) => [k, unbits(v)])),
		comments: unbits(s.comments)
	};
}
