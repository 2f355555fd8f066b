import { db, type Db } from '$lib/server/db';
import type { Locale } from '$lib/i18n';
import type { RoundQuestion } from '$lib/server/rounds/questions';
import { mean } from '$lib/results/stats';
import { shownFigure } from '$lib/results/colour';
import { ORGANIZATION, type RoundView } from '$lib/results/view';
import type { PublishedRound } from './rounds';

export type QuestionResult = {
	key: string;
	type: RoundQuestion['type'];
	text: string;
	/** Respondents who answered; null where the question's figures are hidden. */
	answered: number | null;
} & (
	| { type: 'scale' | 'single' | 'multi'; options: { label: string; count: number }[] | null; mean: number | null }
	| { type: 'number'; mean: number | null; unit: string | null }
	| { type: 'text'; comments: string[] | null }
);

/**
 * The company questions of a round for one unit: distributions and means where at least k answered
 * (with the same protection as every figure); free-text comments only for groups of at least ten
 * respondents, in the random order they were stored in, without dates, never split further.
 */
export async function questionResults(
	opts: { organizationId: string; round: PublishedRound; view: RoundView; unitId: string; locale: Locale },
	executor: Db = db()
): Promise<QuestionResult[]> {
	const { view, unitId: u } = opts;
	const stats = view.stats(u).all;
	const texts = opts.round.questions.filter((q) => q.type === 'text');
	const comments =
		texts.length && view.comments(u)
			? await commentsOf(
					opts,
					view.subtree(u).filter((id) => id !== ORGANIZATION),
					executor
				)
			: new Map<string, string[]>();
	return opts.round.questions.map((q): QuestionResult => {
		const t = q[opts.locale] ?? q.en;
		const shown = q.type === 'text' ? view.comments(u) : view.question(u, q.key);
		const tally = stats.questions[q.key];
		const base = { key: q.key, text: t.text, answered: shown ? (tally?.n ?? 0) : null };
		if (q.type === 'text') return { ...base, type: 'text', comments: shown ? (comments.get(q.key) ?? []) : null };
		if (q.type === 'number') return { ...base, type: 'number', unit: t.unit ?? null, mean: shown && tally ? shownFigure(mean(tally.sum ?? 0, tally.n)) : null };
		const labels =
			q.type === 'scale'
				? [1, 2, 3, 4, 5].map((v) => (t.scaleLabels?.[String(v) as '1'] ? `${v} – ${t.scaleLabels[String(v) as '1']}` : String(v)))
				: (t.options ?? []);
		const counts = tally?.counts ?? labels.map(() => 0);
		const scaleMean =
			q.type === 'scale' && tally
				? mean(
						counts.reduce((s, c, i) => s + c * (i + 1), 0),
						tally.n
					)
				: null;
		return {
			...base,
			type: q.type,
			options: shown ? labels.map((label, i) => ({ label, count: counts[i] ?? 0 })) : null,
			mean: shown ? shownFigure(scaleMean) : null
		};
	});
}

async function commentsOf(opts: { organizationId: string; round: PublishedRound }, unitIds: string[], executor: Db = db()): Promise<Map<string, string[]>> {
	const rows = await executor
		.selectFrom('round_comments')
		.select(['question_key', 'body'])
		.where('organization_id', '=', opts.organizationId)
		.where('round_id', '=', opts.round.id)
		.where('unit_id', 'in', unitIds)
		.orderBy('position')
		.limit(2000)
		.execute();
	const out = new Map<string, string[]>();
	for (const r of rows) (out.get(r.question_key) ?? out.set(r.question_key, []).get(r.question_key)!).push(r.body);
	return out;
}
