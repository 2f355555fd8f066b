import { db, type Db } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/actor';
import type { Locale } from '$lib/i18n';
import { actionScope } from '$lib/server/actions/policy';
import { getPublishedRound } from '$lib/server/results/rounds';
import { getModel } from '$lib/server/models/registry';
import { modelText } from '$lib/server/results/text';
import { listKpis } from '$lib/server/kpis/definitions';

export interface ExperimentChoices {
	round: { id: string; name: string };
	/** The round's alignment pairs, named by their two parts. */
	pairs: { key: string; label: string }[];
	/** What can be watched: the model's areas, then the organization's KPIs ("area:<key>", "kpi:<id>"). */
	metrics: { value: string; label: string; kind: 'area' | 'kpi' }[];
}

/** The choices of an experiment form for a published round: its model's pairs and areas, and the organization's KPIs. */
export async function experimentChoices(opts: { actor: Actor; roundId: string; locale: Locale }, executor: Db = db()): Promise<ExperimentChoices> {
	const { organizationId } = await actionScope(opts.actor, executor);
	const round = await getPublishedRound({ organizationId, roundId: opts.roundId }, executor);
	const model = await getModel(round.modelId, round.modelVersion);
	const text = modelText(model, opts.locale);
	const areaOf = new Map(model.structure.areas.flatMap((a) => a.statements.map((s) => [s, a.key])));
	const name = (kind: 'areas' | 'statements', key: string) => (kind === 'areas' ? text.area(key).name : text.statement(areaOf.get(key)!, key).text);
	const pairs = (model.structure.alignment?.pairs ?? []).map((p) => {
		const kind = p.areas ? 'areas' : 'statements';
		const [a, b] = p.areas ?? p.statements!;
		return { key: p.key, label: `${name(kind, a)} ↔ ${name(kind, b)}` };
	});
	const kpis = await listKpis({ organizationId }, executor);
	return {
		round: { id: round.id, name: round.name },
		pairs,
		metrics: [
			...model.shape.areas.map((a) => ({ value: `area:${a.key}`, label: text.area(a.key).name, kind: 'area' as const })),
			...kpis.map((k) => ({ value: `kpi:${k.id}`, label: k.definition.names[opts.locale], kind: 'kpi' as const }))
		]
	};
}
