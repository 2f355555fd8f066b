import type { Locale } from '$lib/i18n';
import { latestModel } from '$lib/server/models/registry';
import { modelText } from '$lib/server/results/text';

/** The areas of the current model, in the reader's language, for action forms and filters. */
export async function areaOptions(locale: Locale): Promise<{ key: string; name: string; statements: { key: string; text: string }[] }[]> {
	const model = await latestModel();
	const text = modelText(model, locale);
	return model.shape.areas.map((a) => ({
		key: a.key,
		name: text.area(a.key).name,
		statements: a.statements.map((si) => ({ key: model.statementKeys[si], text: text.statement(a.key, model.statementKeys[si]).text }))
	}));
}
