import type { Locale } from '$lib/i18n';
import type { ModelTranslation } from '$lib/server/models/schema';
import type { RoundQuestion } from '$lib/server/rounds/questions';
import { areaOrder } from '$lib/survey/rotation';
import { DONT_KNOW, NOT_USED, offersNotUsed } from '$lib/survey/scoring';
import type { QuestionAnswer } from './answers';
import type { SurveyContext } from './participant';

/**
 * What the participant's survey pages show, built from the survey context in one language.
 * Pages: one per area ('1'…'9', in the participant's order: page 1 is the first area they are shown,
 * see `areaOrder`), then 'questions' when the round has any, then 'review'.
 */
export type PageKey = string;

export interface Progress {
	answered: number;
	total: number;
}

export interface ScalePoint {
	value: number;
	label: string;
}

export interface AreaPage {
	kind: 'area';
	number: number;
	count: number;
	name: string;
	description: string;
	scale: ScalePoint[];
	dontKnow: ScalePoint | null;
	/** "Not used in our team", for the statements that offer it (`notUsed` on the statement). */
	notUsed: ScalePoint;
	statements: { key: string; number: number; text: string; answer: number | null; notUsed: boolean }[];
}

export interface QuestionView {
	key: string;
	type: RoundQuestion['type'];
	text: string;
	options: string[];
	/** For scale questions: the five points, labelled where the question labels them. */
	points: ScalePoint[];
	unit: string | null;
	min: number | null;
	max: number | null;
	value: QuestionAnswer;
}

export interface QuestionsPage {
	kind: 'questions';
	questions: QuestionView[];
}

export interface ReviewPage {
	kind: 'review';
	areas: { number: number; name: string; answered: number; total: number }[];
	questions: Progress | null;
}

export function translation(ctx: SurveyContext, locale: Locale): ModelTranslation {
	return ctx.model.translations[locale] ?? ctx.model.translations.en ?? Object.values(ctx.model.translations)[0];
}

/** The model's area indexes in the order this participant sees them (page n shows area order[n - 1]). */
export function displayOrder(ctx: SurveyContext): number[] {
	return areaOrder(ctx.invitationId, ctx.model.shape.areas.length);
}

export function pageKeys(ctx: SurveyContext): PageKey[] {
	const keys = ctx.model.shape.areas.map((_, i) => String(i + 1));
	if (ctx.questions.length) keys.push('questions');
	keys.push('review');
	return keys;
}

/** A requested page if it exists, else null. */
export function parsePage(ctx: SurveyContext, value: string | null): PageKey | null {
	return value !== null && pageKeys(ctx).includes(value) ? value : null;
}

const isAnswered = (v: QuestionAnswer | undefined) => v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0);

export function progress(ctx: SurveyContext): Progress {
	return { answered: ctx.answers.filter((a) => a !== null).length, total: ctx.model.shape.statementCount };
}

export function questionProgress(ctx: SurveyContext): Progress {
	return { answered: ctx.questions.filter((q) => isAnswered(ctx.questionAnswers[q.key])).length, total: ctx.questions.length };
}

/** Where a returning participant continues: the first area with an unanswered statement, else the review. */
export function resumePage(ctx: SurveyContext): PageKey {
	const areas = ctx.model.shape.areas;
	const i = displayOrder(ctx).findIndex((a) => areas[a].statements.some((s) => ctx.answers[s] === null || ctx.answers[s] === undefined));
	if (i >= 0) return String(i + 1);
	return 'review';
}

/** Area page `number` (its place in the participant's order); the fallbacks label answers a translation lacks. */
export function areaPage(ctx: SurveyContext, locale: Locale, number: number, fallback: { dontKnow: string; notUsed: string }): AreaPage {
	const tr = translation(ctx, locale);
	const area = ctx.model.shape.areas[displayOrder(ctx)[number - 1]];
	const texts = tr.areas[area.key];
	return {
		kind: 'area',
		number,
		count: ctx.model.shape.areas.length,
		name: texts?.name ?? area.key,
		description: texts?.description ?? '',
		scale: [1, 2, 3, 4, 5].map((value) => ({ value, label: tr.scale[String(value) as '1'] })),
		dontKnow: ctx.model.structure.scale.dontKnow ? { value: DONT_KNOW, label: tr.scale.dontKnow ?? fallback.dontKnow } : null,
		notUsed: { value: NOT_USED, label: tr.scale.notUsed ?? fallback.notUsed },
		statements: area.statements.map((index, j) => {
			const key = ctx.model.statementKeys[index];
			return {
				key,
				number: j + 1,
				text: texts?.statements[key]?.text ?? key,
				answer: ctx.answers[index] ?? null,
				notUsed: offersNotUsed(ctx.model.shape, index)
			};
		})
	};
}

export function questionsPage(ctx: SurveyContext, locale: Locale): QuestionsPage {
	return {
		kind: 'questions',
		questions: ctx.questions.map((q) => {
			const t = q[locale] ?? q.en;
			return {
				key: q.key,
				type: q.type,
				text: t.text,
				options: t.options ?? [],
				points: q.type === 'scale' ? [1, 2, 3, 4, 5].map((value) => ({ value, label: t.scaleLabels?.[String(value) as '1'] ?? '' })) : [],
				unit: t.unit ?? null,
				min: q.min ?? null,
				max: q.max ?? null,
				value: ctx.questionAnswers[q.key] ?? null
			};
		})
	};
}

export function reviewPage(ctx: SurveyContext, locale: Locale): ReviewPage {
	const tr = translation(ctx, locale);
	return {
		kind: 'review',
		areas: displayOrder(ctx).map((index, i) => {
			const a = ctx.model.shape.areas[index];
			return {
				number: i + 1,
				name: tr.areas[a.key]?.name ?? a.key,
				answered: a.statements.filter((s) => ctx.answers[s] !== null && ctx.answers[s] !== undefined).length,
				total: a.statements.length
			};
		}),
		questions: ctx.questions.length ? questionProgress(ctx) : null
	};
}
