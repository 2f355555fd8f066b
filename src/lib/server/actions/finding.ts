import { db, type Db } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/actor';
import { translator, type Locale } from '$lib/i18n';
import { unitResults } from '$lib/server/results/unit-results';
import { score } from '$lib/results/format';

export interface Finding {
	roundId: string;
	roundName: string;
	areaKey: string | null;
	statementKey: string | null;
	/** "Territory management: 2.85, below benchmark (3.20), in Autumn survey 2026." */
	text: string;
	/** For a statement: the model's advice on it, as a first draft of what to do (when it fits a title). */
	suggestion: string | null;
}

/**
 * The finding an action answers, written out from the figures the same viewer sees on the report
 * (a hidden figure is not named). Null when the round, unit, area or statement is not theirs to see.
 */
export async function findingFor(
	opts: { actor: Actor; roundId: string; unitId: string; areaKey: string | null; statementKey: string | null; locale: Locale },
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
	if (!area) return { roundId: r.round.id, roundName: r.round.name, areaKey: null, statementKey: null, text: '', suggestion: null };
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
	const suggestion = st?.advice && st.advice.length <= 200 ? st.advice : null;
	return { roundId: r.round.id, roundName: r.round.name, areaKey: area.key, statementKey: st?.key ?? null, text, suggestion };
}
