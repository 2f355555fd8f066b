import { db, type Db } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/actor';
import { translator, type Locale } from '$lib/i18n';
import { adviceFor, unitResults } from '$lib/server/results/unit-results';
import { getModel } from '$lib/server/models/registry';
import { modelText } from '$lib/server/results/text';
import { score } from '$lib/results/format';
import { PLAN_DAYS, PLAN_PHASES, type PlanPhase } from '$lib/results/advice';
import { toLocalInput } from '$lib/time/zone';

export interface Finding {
	roundId: string;
	roundName: string;
	areaKey: string | null;
	statementKey: string | null;
	/** "Territory management: 2.85, below benchmark (3.20), in Autumn survey 2026." */
	text: string;
	/** For a statement: the model's advice on it; for a step of the area's 30/60/90-day plan: the step — a first draft of what to do (when it fits a title). */
	suggestion: string | null;
	/** For a step of the plan: 30, 60 or 90 days from today (YYYY-MM-DD), as a first draft of the due date. */
	dueOn: string | null;
}

/** What a title may hold (the action form's limit). */
const TITLE_MAX = 200;

/** A step of an area's plan as the link names it: "days30.0" is the first step of the first 30 days. */
export function parsePlanStep(value: string | null): { phase: PlanPhase; index: number } | null {
	const m = value?.match(/^(days30|days60|days90)\.(\d)$/);
	return m && PLAN_PHASES.includes(m[1] as PlanPhase) ? { phase: m[1] as PlanPhase, index: Number(m[2]) } : null;
}

/** The calendar day `days` after `now` in `zone`. */
function dayAfter(now: Date, zone: string, days: number): string {
	const today = toLocalInput(now, zone).slice(0, 10);
	return new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The finding an action answers, written out from the figures the same viewer sees on the report
 * (a hidden figure is not named). Null when the round, unit, area or statement is not theirs to see.
 */
export async function findingFor(
	opts: {
		actor: Actor;
		roundId: string;
		unitId: string;
		areaKey: string | null;
		statementKey: string | null;
		locale: Locale;
		/** A step of the area's plan ("Plan this"): it becomes what to do, and its phase the due date. */
		planStep?: { phase: PlanPhase; index: number } | null;
		now?: Date;
		zone?: string;
	},
	executor: Db = db()
): Promise<Finding | null> {
	const r = await unitResults(
		{ actor: opts.actor, roundId: opts.roundId, unitId: opts.unitId, locale: opts.locale, choice: { compare: 'all', statistic: 'mean' } },
		executor
	).catch(() => null);
	if (!r) return null;
	const t = translator(opts.locale);
	const st = opts.statementKey ? r.statements.find((s) => s.key === opts.statementKey) : undefined;
	const areaKey = st?.area ?? opts.areaKey;
	const area = r.areas.find((a) => a.key === areaKey);
	if (!area) return { roundId: r.round.id, roundName: r.round.name, areaKey: null, statementKey: null, text: '', suggestion: null, dueOn: null };
	const fig = st ?? area;
	const name = st ? `${area.name} – “${st.text}”` : area.name;
	const text =
		fig.score === null
			? t('actions.finding.hidden', { name, round: r.round.name })
			: t('actions.finding.text', {
					name,
					score: score(fig.score, opts.locale),
					status: fig.status ? t(`results.status.${fig.status}`).toLowerCase() : '',
					benchmark: score(fig.benchmark, opts.locale),
					round: r.round.name
				});
	const found = { roundId: r.round.id, roundName: r.round.name, areaKey: area.key, statementKey: st?.key ?? null };
	const step = !st && opts.planStep ? await planStepText(r, area, opts.planStep, opts.locale) : null;
	if (step) {
		const phase = t(`results.advice.phase.${opts.planStep!.phase}`).toLowerCase();
		return {
			...found,
			text: `${text} ${t('actions.finding.planStep', { phase, area: area.name, step })}`,
			suggestion: shorten(step, TITLE_MAX),
			dueOn: dayAfter(opts.now ?? new Date(), opts.zone ?? 'UTC', PLAN_DAYS[opts.planStep!.phase])
		};
	}
	const suggestion = st?.advice && st.advice.length <= TITLE_MAX ? st.advice : null;
	return { ...found, text, suggestion, dueOn: null };
}

/** The step of the area's plan, as the area page shows it; null when the model has no plan or no such step. */
async function planStepText(
	r: Awaited<ReturnType<typeof unitResults>>,
	area: { key: string; score: number | null },
	step: { phase: PlanPhase; index: number },
	locale: Locale
): Promise<string | null> {
	const [modelId, version] = r.round.model.split(' ');
	const model = await getModel(modelId, version);
	const advice = adviceFor(modelText(model, locale), area, model, r.gap);
	return advice.plan?.[step.phase][step.index] ?? null;
}

/** A text cut to `max` characters at a word boundary, with an ellipsis when cut. */
function shorten(text: string, max: number): string {
	if (text.length <= max) return text;
	const cut = text.slice(0, max - 1);
	return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2)).trimEnd()}…`;
}
