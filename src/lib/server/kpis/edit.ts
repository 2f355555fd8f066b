import { db, type Db } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/actor';
import { NotFoundError, ValidationError } from '$lib/server/errors';
import { partsOf, type KpiDefinitionInput } from '$lib/kpis/definition';
import { listKpis, saveKpiSet, type KpiRow } from './definitions';

/** A form's field for each place in a definition (what an error names). */
const FIELDS: Record<string, string> = {
	key: 'key',
	'names.en': 'name_en',
	'names.sv': 'name_sv',
	unit: 'unit',
	direction: 'direction',
	rollup: 'rollup',
	'rollup.base': 'base',
	'rollup.numerator': 'numerator',
	'rollup.denominator': 'denominator',
	'alarm.month.amberPct': 'month_amber',
	'alarm.month.redPct': 'month_red',
	'alarm.ytd': 'ytd_amber',
	'alarm.ytd.amberPct': 'ytd_amber',
	'alarm.ytd.redPct': 'ytd_red',
	'alarm.runRate': 'run_rate',
	owner: 'owner'
};

/** One KPI as a form sends it (flat strings) → a definition to validate with the set. */
export function kpiFromForm(f: Record<string, string | undefined>): KpiDefinitionInput {
	const pct = (amber?: string, red?: string) => (amber || red ? { amberPct: amber ?? '', redPct: red ?? '' } : null);
	const kind = f.rollup ?? 'sum';
	return {
		key: (f.key ?? '').trim(),
		names: { en: f.name_en ?? '', sv: f.name_sv ?? '' },
		unit: f.unit as KpiDefinitionInput['unit'],
		direction: f.direction as KpiDefinitionInput['direction'],
		rollup:
			kind === 'weighted'
				? { kind, base: f.base ?? '' }
				: kind === 'ratio'
					? { kind, numerator: f.numerator ?? '', denominator: f.denominator ?? '' }
					: ({ kind: kind as 'sum' } as KpiDefinitionInput['rollup']),
		period: 'month',
		alarm: { month: pct(f.month_amber, f.month_red), ytd: pct(f.ytd_amber, f.ytd_red), runRate: f.run_rate === 'on' },
		// The owner's email; empty: none; no field: left as it is.
		...(f.owner !== undefined && { owner: f.owner.trim() === '' ? null : f.owner })
	};
}

/**
 * Adds a KPI or changes one (by its key, which never changes), checked with the whole set: errors about
 * this KPI name its form field, others (a KPI built from this one) come as the message.
 */
export async function saveKpi(
	opts: { organizationId: string; actor: Actor; key: string | null; form: Record<string, string | undefined> },
	executor: Db = db()
) {
	const set = await listKpis({ organizationId: opts.organizationId }, executor);
	const def = kpiFromForm(opts.key ? { ...opts.form, key: opts.key } : opts.form);
	const at = opts.key ? set.findIndex((k) => k.key === opts.key) : set.length;
	if (at < 0) throw new NotFoundError('KPI');
	if (!opts.key && set.some((k) => k.key === def.key)) throw new ValidationError('key: This key is taken', [{ path: 'key', message: 'This key is taken' }]);
	const definitions: unknown[] = set.map((k) => k.definition);
	definitions[at] = def;
	return withFieldErrors(at, () => saveKpiSet({ organizationId: opts.organizationId, actor: opts.actor, definitions }, executor));
}

/** Archives a KPI (its values stay); refused while another KPI is built from it. */
export async function archiveKpi(opts: { organizationId: string; actor: Actor; key: string }, executor: Db = db()): Promise<KpiRow[]> {
	const set = await listKpis({ organizationId: opts.organizationId }, executor);
	if (!set.some((k) => k.key === opts.key)) throw new NotFoundError('KPI');
	const users = set.filter((k) => partsOf(k.definition.rollup).some(([, part]) => part === opts.key)).map((k) => k.definition.names.en);
	if (users.length)
		throw new ValidationError(
			`${users.join(' and ')} ${users.length > 1 ? 'are' : 'is'} built from this KPI: change or archive ${users.length > 1 ? 'them' : 'it'} first.`
		);
	const definitions = set.filter((k) => k.key !== opts.key).map((k) => k.definition);
	return saveKpiSet({ organizationId: opts.organizationId, actor: opts.actor, definitions }, executor);
}

async function withFieldErrors<T>(index: number, fn: () => Promise<T>): Promise<T> {
	try {
		return await fn();
	} catch (err) {
		if (!(err instanceof ValidationError) || !Array.isArray(err.details)) throw err;
		const details = err.details as { path: string; message: string }[];
		const mine = details.filter((d) => d.path.startsWith(`${index}.`) || d.path === String(index));
		const others = details.filter((d) => !mine.includes(d));
		const fields = mine.map((d) => ({ path: FIELDS[d.path.slice(String(index).length + 1)] ?? 'form', message: d.message }));
		throw new ValidationError(others.length ? others.map((d) => d.message).join('; ') : 'Check the fields marked below.', fields);
	}
}
