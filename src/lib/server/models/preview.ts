import { isLocale, translator, type Locale } from '$lib/i18n';
import { areaPage, type AreaPage } from '$lib/server/survey/view';
import type { SurveyContext } from '$lib/server/survey/participant';
import { areaOrder } from '$lib/survey/rotation';
import type { CompiledModel } from './registry';

/** A seed for the preview's area order; the preview then shows the areas in the model's own order. */
const SEED = 'preview';

/**
 * Area `number` (1…, in the model's order) of a model as a participant sees it in `language`, nothing
 * answered: the survey's own page builder, given a participant who has not begun.
 */
export function previewArea(model: CompiledModel, language: string, number: number): AreaPage {
	const count = model.shape.areas.length;
	const index = Math.min(Math.max(1, Math.trunc(number) || 1), count) - 1;
	const ctx = { model, invitationId: SEED, answers: [], questions: [], questionAnswers: {} } as unknown as SurveyContext;
	const page = areaOrder(SEED, count).indexOf(index) + 1;
	const ui = translator(isLocale(language) ? language : 'en');
	const view = areaPage(ctx, language as Locale, page, { dontKnow: ui('survey.dontKnow'), notUsed: ui('survey.notUsed') });
	return { ...view, number: index + 1 };
}
