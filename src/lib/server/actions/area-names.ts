import type { Locale } from '$lib/i18n';
import { db, type Db } from '$lib/server/db';
import { defaultModel, getModel, type CompiledModel } from '$lib/server/models/registry';
import { modelText } from '$lib/server/results/text';

/** The areas of a model (the newest unless given), in the reader's language, for action forms and filters. */
export async function areaOptions(
	locale: Locale,
	model?: CompiledModel
): Promise<{ key: string; name: string; statements: { key: string; text: string }[] }[]> {
	const m = model ?? (await defaultModel());
	const text = modelText(m, locale);
	return m.shape.areas.map((a) => ({
		key: a.key,
		name: text.area(a.key).name,
		statements: a.statements.map((si) => ({ key: m.statementKeys[si], text: text.statement(a.key, m.statementKeys[si]).text }))
	}));
}

/**
 * An action's area and statement as the model version of the round its finding came from names them
 * (statement keys belong to a version: 1.0's `territory_2` is not in 1.1); the newest model for an
 * action planned without a round. Null for a key that version does not have.
 */
export async function findingNames(
	opts: { organizationId: string; roundId: string | null; areaKey: string | null; statementKey: string | null; locale: Locale },
	executor: Db = db()
): Promise<{ areaName: string | null; statementText: string | null }> {
	const round = opts.roundId
		? await executor
				.selectFrom('rounds')
				.select(['model_id', 'model_version'])
				.where('organization_id', '=', opts.organizationId)
				.where('id', '=', opts.roundId)
				.executeTakeFirst()
		: undefined;
	const model = round ? await getModel(round.model_id, round.model_version) : await defaultModel();
	const area = (await areaOptions(opts.locale, model)).find((a) => a.key === opts.areaKey);
	return { areaName: area?.name ?? null, statementText: area?.statements.find((s) => s.key === opts.statementKey)?.text ?? null };
}
