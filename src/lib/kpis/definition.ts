/**
 * What a KPI is (pure): its key, names, unit of measure, which direction is better, how it rolls up the
 * unit tree and over months, and when it raises an alarm. A set of KPIs is validated as a whole, because
 * a weighted or ratio KPI is built from others. See docs/kpis.md.
 */
import { z } from 'zod';
import { cmp, isDecimal, q } from './rational';

export const KPI_UNITS = ['currency', 'count', 'percent', 'ratio'] as const;
export const DIRECTIONS = ['higher', 'lower'] as const;

const key = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'Use lower-case letters, digits and _ (at most 40), starting with a letter');
const name = z.string().trim().min(1, 'Required').max(80, 'At most 80 characters');

/** A percentage as typed or stored: a decimal string or a number, kept as a string (exact). */
const percent = z
	.union([z.string(), z.number()])
	.transform(String)
	.refine(isDecimal, { message: 'Write a number, like 5 or 7.5', abort: true })
	.refine((s) => cmp(q(s), q(0)) >= 0 && cmp(q(s), q(1000)) <= 0, 'Between 0 and 1000 %');

/** How far worse than plan (in % of the plan) turns a figure amber, and red. Reaching a threshold counts. */
export const thresholds = z
	.strictObject({ amberPct: percent, redPct: percent })
	.refine((t) => !isDecimal(t.amberPct) || !isDecimal(t.redPct) || cmp(q(t.amberPct), q(t.redPct)) < 0, {
		message: 'Amber must be a smaller deviation than red',
		path: ['redPct']
	});

export const rollup = z.discriminatedUnion(
	'kind',
	[
		z.strictObject({ kind: z.literal('sum') }),
		z.strictObject({ kind: z.literal('weighted'), base: key }),
		z.strictObject({ kind: z.literal('ratio'), numerator: key, denominator: key })
	],
	{ message: 'Must be sum, weighted or ratio' }
);

/**
 * Who owns the KPI, by email: a viewer or an admin of the organization, who hears of its new alarms by
 * email. Stored beside the definition (kpis.owner_id), not in it; omitted: left as it is, null: none.
 */
const owner = z
	.string()
	.trim()
	.toLowerCase()
	.max(254, 'At most 254 characters')
	.pipe(z.email({ message: 'Not a valid email address' }))
	.nullable()
	.optional();

export const kpiDefinition = z.strictObject({
	key,
	names: z.strictObject({ en: name, sv: name }),
	unit: z.enum(KPI_UNITS, { message: `Must be one of ${KPI_UNITS.join(', ')}` }),
	direction: z.enum(DIRECTIONS, { message: 'Must be higher or lower (which is better)' }),
	rollup,
	period: z.literal('month', { message: 'KPIs are planned and followed per month' }).default('month'),
	alarm: z
		.strictObject({
			month: thresholds.nullable().default(null),
			ytd: thresholds.nullable().default(null),
			/** Warn when the run-rate forecast for the year misses the annual plan (graded with the ytd thresholds). */
			runRate: z.boolean().default(false)
		})
		.default({ month: null, ytd: null, runRate: false }),
	owner
});

export type KpiDefinition = z.output<typeof kpiDefinition>;
export type KpiDefinitionInput = z.input<typeof kpiDefinition>;
export type Thresholds = z.output<typeof thresholds>;
export type Rollup = z.output<typeof rollup>;

/** The KPIs a definition is built from (its weight, or its numerator and denominator), by field. */
export function partsOf(r: Rollup): [field: string, key: string][] {
	if (r.kind === 'weighted') return [['base', r.base]];
	if (r.kind === 'ratio')
		return [
			['numerator', r.numerator],
			['denominator', r.denominator]
		];
	return [];
}

/** A key's first cycle through the parts (`a → b → a`), or null. */
function cycleFrom(start: string, byKey: Map<string, KpiDefinition>): string[] | null {
	const walk = (k: string, path: string[]): string[] | null => {
		if (path.includes(k)) return [...path.slice(path.indexOf(k)), k];
		const def = byKey.get(k);
		if (!def) return null;
		for (const [, p] of partsOf(def.rollup)) {
			const found = walk(p, [...path, k]);
			if (found) return found;
		}
		return null;
	};
	return walk(start, []);
}

/**
 * A whole set: keys unique; a weighted or ratio KPI built from other KPIs of the set, which are summed
 * (a weight or a part must add up across units and months, else the roll-up would not be the same at
 * every level); no KPI built from itself, however indirectly; a run-rate alarm only on a summed KPI with
 * year-to-date thresholds.
 */
export const kpiSet = z.array(kpiDefinition).superRefine((defs, ctx) => {
	const byKey = new Map(defs.map((d) => [d.key, d]));
	const label = (k: string) => byKey.get(k)?.names.en ?? k;
	defs.forEach((def, i) => {
		if (defs.findIndex((d) => d.key === def.key) !== i) ctx.addIssue({ code: 'custom', message: `The key ${def.key} is used twice`, path: [i, 'key'] });
		const r = def.rollup;
		if (r.kind === 'ratio' && r.numerator === r.denominator)
			ctx.addIssue({ code: 'custom', message: 'The numerator and the denominator must be different KPIs', path: [i, 'rollup', 'denominator'] });
		const cycle = cycleFrom(def.key, byKey);
		const inCycle = cycle?.[0] === def.key;
		if (cycle && inCycle) ctx.addIssue({ code: 'custom', message: `A KPI cannot be built from itself: ${cycle.map(label).join(' → ')}`, path: [i, 'rollup'] });
		for (const [field, part] of partsOf(r)) {
			const target = byKey.get(part);
			if (!target) ctx.addIssue({ code: 'custom', message: `There is no KPI ${part} in this set`, path: [i, 'rollup', field] });
			else if (!inCycle && target.rollup.kind !== 'sum')
				ctx.addIssue({
					code: 'custom',
					message: `${label(def.key)} is built from ${label(part)}, which must be summed (an average or a ratio cannot be a part)`,
					path: [i, 'rollup', field]
				});
		}
		if (def.alarm.runRate && r.kind !== 'sum')
			ctx.addIssue({ code: 'custom', message: 'A run-rate forecast only makes sense for a summed KPI', path: [i, 'alarm', 'runRate'] });
		else if (def.alarm.runRate && !def.alarm.ytd)
			ctx.addIssue({ code: 'custom', message: 'The run-rate forecast is graded with the year-to-date thresholds: set them', path: [i, 'alarm', 'ytd'] });
	});
});

export type KpiSet = z.output<typeof kpiSet>;
