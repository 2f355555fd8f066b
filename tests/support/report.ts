/**
 * For the renderer tests: a region with four teams (one too small to show), two published rounds,
 * company questions, an imported benchmark and open actions, read back through reportData.
 */
import type { Locale } from '$lib/i18n';
import type { Actor } from '$lib/server/auth/actor';
import { ORGANIZATION } from '$lib/results/view';
import { createTestActor, createTestOrganization } from './fixtures';
import { createPublishedRound } from './results';
import { importBenchmark } from '$lib/server/benchmarks/import';
import { createAction } from '$lib/server/actions/mutations';
import { getModel, latestModel, standardQuestions } from '$lib/server/models/registry';
import { createExperiment } from '$lib/server/experiments/mutations';
import { addDays } from '$lib/experiments';
import type { RoundQuestion } from '$lib/server/rounds/questions';
import { reportData, type ReportData } from '$lib/server/reports/data';

const DAY = 86_400_000;
const operator = { accountId: null, email: 'op@sos.example', isOperator: true, via: 'session' as const, label: 'op@sos.example', membership: null };
const QUESTIONS = ['demand_outlook', 'biggest_obstacle', 'customer_time_share', 'one_change'];

export const ACTION_TITLE = 'Give every customer one named owner';

/** The region's report (by default), or with `organization` the whole organization's. */
export async function publishedReport(locales: Locale[], opts: { organization?: boolean } = {}): Promise<Record<Locale, ReportData>> {
	const model = await latestModel('sos');
	const csv = ['area,mean,organizations,respondents', ...model.shape.areas.map((a, i) => `${a.key},${(3 + (i % 4) * 0.17).toFixed(2)},14,920`)].join('\n');
	const benchmark = await importBenchmark({
		actor: operator,
		input: { label: `Nordic sales study ${Date.now()}`, model: `${model.structure.id}@${model.structure.version}` },
		csv
	});
	const org = await createTestOrganization();
	const library = await standardQuestions();
	const questions: RoundQuestion[] = QUESTIONS.map((key) => ({ ...library.find((q) => q.key === key)!, key: `std_${key}` }));
	const tree = {
		units: {
			'Region Nord & Öst': null,
			'Team Åre': 'Region Nord & Öst',
			'Team Södra Skåne med ett mycket långt namn som måste brytas': 'Region Nord & Öst',
			'Team Väst': 'Region Nord & Öst',
			'Team Liten': 'Region Nord & Öst'
		},
		respondents: {
			'Region Nord & Öst': { sales_manager: 2 },
			'Team Åre': { sales_person: 7, sales_manager: 2 },
			'Team Södra Skåne med ett mycket långt namn som måste brytas': { sales_person: 6, sales_manager: 2 },
			'Team Väst': { sales_person: 8 },
			'Team Liten': { sales_person: 2 }
		}
	};
	const first = await createPublishedRound({ organizationId: org.id, tree, closedAt: new Date(Date.now() - 200 * DAY), seed: 3 });
	const second = await createPublishedRound({
		organizationId: org.id,
		tree: { units: {}, respondents: tree.respondents },
		existingUnits: first.unitIds,
		closedAt: new Date(Date.now() - DAY),
		seed: 11,
		questions,
		questionAnswers: (i) => ({
			std_demand_outlook: 1 + (i % 5),
			std_biggest_obstacle: i % 4,
			std_customer_time_share: 20 + (i % 7) * 5,
			std_one_change: `Fewer internal meetings, more time with customers (${i})`
		})
	});
	const region = first.unitIds['Region Nord & Öst'];
	const admin = await createTestActor(org.id, 'admin');
	await createAction({
		actor: admin,
		input: {
			unitId: region,
			title: ACTION_TITLE,
			reason: 'Territory management is among our lowest areas',
			areaKey: model.shape.areas[0].key,
			ownerId: admin.membership!.userId,
			dueOn: '2020-01-31'
		}
	});
	await createAction({ actor: admin, input: { unitId: first.unitIds['Team Åre'], title: 'Weekly forecast review in every team meeting' } });
	const out = {} as Record<Locale, ReportData>;
	for (const locale of locales)
		out[locale] = await reportData({
			actor: admin,
			roundId: second.roundId,
			unitId: opts.organization ? ORGANIZATION : region,
			locale,
			choice: { compare: `import:${benchmark.id}`, statistic: 'mean' },
			now: new Date('2026-03-02T10:00:00Z')
		});
	return out;
}

export const EXPERIMENT_LEVER = 'Strategic accounts first on every monthly review agenda';

/**
 * The organization's report of an ecosystem audit round (audit 1.0: four areas, four respondent groups,
 * alignment pairs), every group held by at least k respondents so that the split is shown, after an
 * earlier audit round from which the organization started an experiment.
 */
export async function auditReport(
	locales: Locale[],
	opts: { seeds?: [number, number] } = {}
): Promise<{ reports: Record<Locale, ReportData>; actor: Actor; roundId: string }> {
	// Seeds 2 and 4 draw three misaligned pairs, group gaps, and a change in the experiment's area.
	const [firstSeed, secondSeed] = opts.seeds ?? [2, 4];
	const model = await getModel('audit', '1.0');
	const org = await createTestOrganization();
	const admin = await createTestActor(org.id, 'admin');
	const respondents = { executive: 5, sales_manager: 6, sales_person: 10, sales_support: 5 };
	const tree = { units: { 'Sales Sverige': null }, respondents: { 'Sales Sverige': respondents } };
	const first = await createPublishedRound({ organizationId: org.id, model, k: 5, tree, closedAt: new Date(Date.now() - 120 * DAY), seed: firstSeed });
	await createExperiment({
		actor: admin,
		input: {
			unitId: ORGANIZATION,
			roundId: first.roundId,
			pairKey: 'strategy_metrics',
			hypothesis: 'If the monthly review takes the strategic accounts first, targets and bonuses will follow the strategy.',
			lever: EXPERIMENT_LEVER,
			metric: { kind: 'area', area: 'kpis_compensation' },
			startsOn: '2026-01-05',
			endsOn: addDays('2026-01-05', 49),
			ownerId: admin.membership!.userId
		}
	});
	const second = await createPublishedRound({
		organizationId: org.id,
		model,
		k: 5,
		tree: { units: {}, respondents: tree.respondents },
		existingUnits: first.unitIds,
		closedAt: new Date(Date.now() - DAY),
		seed: secondSeed
	});
	const out = {} as Record<Locale, ReportData>;
	for (const locale of locales)
		out[locale] = await reportData({
			actor: admin,
			roundId: second.roundId,
			unitId: ORGANIZATION,
			locale,
			choice: { compare: 'all', statistic: 'mean' },
			now: new Date('2026-03-02T10:00:00Z')
		});
	return { reports: out, actor: admin, roundId: second.roundId };
}
