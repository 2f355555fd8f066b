import { z } from 'zod';
import { SEGMENT_FIELDS } from '$lib/benchmarks/math';
import { id, int, named, timestamp } from '$lib/server/http/output-fields';

/** A figure is null wherever it would rest on fewer than k respondents or let a smaller group be worked out. */
const num = z.number().nullable();
const count = int.nullable();
const status = z
	.enum(['green', 'yellow', 'red', 'neutral'])
	.nullable()
	.describe(
		'green: above the model’s high value; yellow: at or above the benchmark; red: below it; neutral: no benchmark. Decided on the figures rounded to 2 decimals.'
	);
const figure = { score: num, benchmark: num, difference: num, status };
const share = z.number().min(0).max(1).nullable();
const unanswered = z.strictObject({ dontKnow: share, notUsed: share.describe('Null where “not used” is not counted.') });
const areaName = z.strictObject({ key: z.string(), name: z.string() });
const cell = z.strictObject({ score: num, status });
/** A unit id, or `organization` for the whole organization. */
const unitKey = z.string();

export const resultRoundListOutput = z.strictObject({
	rounds: z.array(
		z.strictObject({
			id,
			name: z.string(),
			closedAt: timestamp.nullable(),
			isGenerated: z.boolean(),
			modelId: z.string().describe('The assessment model the round used (e.g. sos, audit).'),
			startUnit: named.nullable().describe('The unit the caller starts at (their own, or the whole organization).'),
			respondents: count
		})
	)
});

const questionBase = { key: z.string(), text: z.string(), answered: count.describe('Respondents who answered; null where the figures are hidden.') };
const questionResult = z.discriminatedUnion('type', [
	z.strictObject({
		...questionBase,
		type: z.enum(['scale', 'single', 'multi']),
		options: z.array(z.strictObject({ label: z.string(), count: int })).nullable(),
		mean: num
	}),
	z.strictObject({ ...questionBase, type: z.literal('number'), mean: num, unit: z.string().nullable() }),
	z.strictObject({
		...questionBase,
		type: z.literal('text'),
		comments: z.array(z.string()).nullable().describe('Only for groups of at least ten respondents, in random order.')
	})
]);

export const unitResultsOutput = z.strictObject({
	round: z.strictObject({
		id,
		name: z.string(),
		model: z.string(),
		k: int,
		closedAt: timestamp.nullable(),
		publishedAt: timestamp.nullable(),
		isGenerated: z.boolean(),
		respondents: count
	}),
	unit: z.strictObject({ id: unitKey, name: z.string(), isOrganization: z.boolean(), path: z.array(named), respondents: count }),
	benchmark: z
		.strictObject({
			compare: z.string(),
			statistic: z.enum(['mean', 'median', 'p75', 'p90']),
			withheld: z.enum(['overlap', 'versions']).nullable().describe('Why the comparison’s figures are not shown, when they are withheld.'),
			segments: z.array(z.strictObject({ key: z.enum(['all', ...SEGMENT_FIELDS]), value: z.string().nullable() })),
			imported: z.array(z.strictObject({ id, label: z.string() })),
			label: z.string().nullable(),
			source: z.enum(['sos', 'import']).nullable(),
			builtAt: timestamp.nullable(),
			carriedVersions: z.array(z.string()).describe('Earlier model versions whose rounds the benchmark counts for the figures that compare.'),
			organizations: int,
			respondents: int
		})
		.describe('What the figures are compared with: label, source, organizations and respondents behind it, and the choices available.'),
	high: z.number().describe('The model’s high value (3.7 in SOS 1.0).'),
	improvementThreshold: z
		.number()
		.describe('Below this score (as shown) an area is an improvement area even when it is not below the benchmark (3.0 by default).'),
	areas: z.array(
		z.strictObject({
			key: z.string(),
			name: z.string(),
			rank: int.nullable(),
			...figure,
			n: count.describe('Respondents with an area mean (at least half of the area’s statements answered); null where hidden.'),
			interval: z
				.strictObject({ low: z.number(), high: z.number() })
				.nullable()
				.describe('90 % interval of the score: score ± t(0.95, n − 1)·sd/√n over respondents’ area means, 2 decimals; null where hidden or not kept.'),
			inLine: z.boolean().describe('The interval contains the benchmark: the score cannot be told apart from it (the status stays as the colour rule says).'),
			agreement: share.describe('Share of answers within one point of each statement’s median, pooled over the shown statements.'),
			agreementByGroup: z
				.record(z.string(), share)
				.nullable()
				.describe(
					'The agreement per respondent group the unit holds (by key); null where the area’s split is hidden, a group’s figure null where its score is.'
				),
			unanswered: z
				.strictObject({ all: unanswered, byGroup: z.record(z.string(), unanswered).nullable() })
				.describe('“Don’t know” and “not used” shares among the answers to the shown statements; per respondent group (by key) only where the split is shown.')
		})
	),
	descriptions: z.record(z.string(), z.string()).describe('Each area’s description, in the reader’s language.'),
	statements: z.array(
		z.strictObject({
			key: z.string(),
			area: z.string(),
			text: z.string(),
			advice: z.string().nullable(),
			distribution: z.array(int).nullable().describe('Answers "don’t know", 1, 2, 3, 4, 5.'),
			...figure
		})
	),
	strengths: z.array(z.string()),
	improvements: z
		.array(
			z.strictObject({
				key: z.string(),
				level: z
					.enum(['basics', 'consistent', 'refine'])
					.nullable()
					.describe(
						'The advice level by the score as shown against the model’s thresholds (build the basics, make it consistent, refine and share); null when the score is hidden or the model has no advice per level.'
					),
				summary: z.string().describe('The advice of the level; the area’s general advice when there is no level.'),
				actions: z.array(z.string()),
				gap: z
					.strictObject({ pattern: z.enum(['firstHigher', 'firstLower']), text: z.string() })
					.nullable()
					.describe(
						'Advice on a clear perception gap between the model’s gap pair (the first group’s shown score at least 0.50 above or below the second’s); null when none, the split is hidden, or another pair is compared.'
					),
				kpi: z.strictObject({ name: z.string(), target: z.string(), why: z.string() }).nullable(),
				lowestStatements: z.array(z.string())
			})
		)
		.describe('Areas below the benchmark or below the improvement threshold (never a high one), the largest shortfall first.'),
	groups: z.array(z.strictObject({ key: z.string(), name: z.string() })).describe('The model’s respondent groups, named in the reader’s language.'),
	gap: z
		.strictObject({
			groups: z
				.array(z.strictObject({ key: z.string(), name: z.string(), respondents: int }))
				.describe('The groups the unit holds (with respondents), where its split by group is shown.'),
			pair: z.tuple([z.string(), z.string()]).describe('The two groups the gap compares: the first minus the second (?gap=&gap= chooses them).'),
			areas: z.array(z.strictObject({ key: z.string(), scores: z.record(z.string(), num), gap: num }))
		})
		.nullable()
		.describe('Each area’s score per group; null where the unit’s split by group is hidden.'),
	subunits: z.array(z.strictObject({ id: unitKey, name: z.string(), respondents: count, areas: z.array(cell) })),
	questions: z.array(questionResult),
	internal: z
		.strictObject({
			options: z.array(z.strictObject({ within: z.enum(['parent', 'organization']), name: z.string() })),
			compared: z
				.strictObject({ within: z.enum(['parent', 'organization']), name: z.string(), scores: z.array(num) })
				.nullable()
				.describe('The chosen unit above (`within`): its area scores in model order, null where hidden.')
		})
		.describe('Comparing the unit with its parent or the whole organization (area scores only, from the round’s disclosure pattern).')
});

export const heatmapOutput = z.strictObject({
	round: z.strictObject({ id, name: z.string(), k: int }),
	areas: z.array(areaName),
	rows: z.array(z.strictObject({ id: unitKey, name: z.string(), parentId: z.string().nullable(), depth: int, respondents: count, areas: z.array(cell) }))
});

export const heatmapCutOutput = z.strictObject({
	round: z.strictObject({ id, name: z.string(), k: int }),
	attributes: z.array(z.string()).describe('The attributes the organization’s units carry (the import’s unit_ columns), to cut by.'),
	attribute: z.string().nullable(),
	areas: z.array(areaName),
	rows: z
		.array(z.strictObject({ value: z.string().nullable().describe('Null: the units without a value.'), respondents: count, areas: z.array(cell) }))
		.describe('One row per value. A figure shows only where it adds up from whole-unit figures the caller already sees and counts at least k respondents.')
});

export const trendOutput = z.strictObject({
	unit: named,
	model: z.string().describe('The model version whose areas the trend shows: the newest its rounds used.'),
	areas: z.array(
		z.strictObject({
			key: z.string(),
			name: z.string(),
			since: z
				.string()
				.nullable()
				.describe('The model version from which the area’s scores compare, when earlier rounds measured it differently; null when all rounds compare.')
		})
	),
	rounds: z.array(
		z.strictObject({
			id,
			name: z.string(),
			closedAt: timestamp.nullable(),
			model: z.string().describe('The model version the round used.'),
			respondents: count,
			from: z.array(z.string()).describe('The units of that round that make up this unit’s history there (itself, or the units merged into it).'),
			areas: z.array(
				z.strictObject({
					key: z.string(),
					score: num,
					benchmark: num,
					status,
					n: count,
					interval: z.strictObject({ low: z.number(), high: z.number() }).nullable().describe('90 % interval of the score, 2 decimals.'),
					change: z
						.strictObject({ difference: z.number(), low: z.number(), high: z.number(), verdict: z.enum(['improvement', 'decline', 'unclear']) })
						.nullable()
						.describe(
							'Since the previous round: the difference and its 90 % interval (Welch); an improvement or a decline only when the interval excludes zero, otherwise unclear (no clear change).'
						),
					comparable: z.boolean().describe('False where the round’s model version measured the area differently (then no score or benchmark).')
				})
			)
		})
	)
});
