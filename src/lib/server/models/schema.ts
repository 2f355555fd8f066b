import { z } from 'zod';
import { NO_CONTROL, noControl } from '../validation';

/**
 * Shapes of the assessment-model files under `models/`:
 * - `models/<id>/<version>/model.json`: the language-neutral structure (areas, statement keys, scale, thresholds);
 * - `models/<id>/<version>/<lang>.json`: one translation per language (texts and advice);
 * - `models/questions/standard.json`: the operator's standard library of company-specific questions.
 * Adding a language to a model means adding one `<lang>.json` of the same shape.
 */

export const MODEL_ID = /^[a-z][a-z0-9_-]{0,39}$/;
export const MODEL_VERSION = /^\d{1,4}(\.\d{1,4}){0,2}$/;
export const LANGUAGE = /^[a-z]{2,3}(-[A-Z]{2})?$/;
const KEY = /^[a-z][a-z0-9_]{0,59}$/;

const key = z.string().regex(KEY, 'Must be lower-case letters, digits and underscores, starting with a letter');
/** Single-line text: names, labels, statements. */
const line = (max: number) =>
	z.string().min(1, 'Required').max(max, `At most ${max} characters`).regex(NO_CONTROL, noControl);
/** Prose: descriptions and advice (may in principle hold line breaks, but must not be empty). */
const prose = (max: number) =>
	z
		.string()
		.max(max, `At most ${max} characters`)
		.refine((s) => s.trim().length > 0, 'Required');

export const STATEMENT_MAX = 160;
/** At most this many respondent groups per model (the anonymity rule's work grows with 2^groups). */
export const MAX_GROUPS = 5;

// ---- model.json ------------------------------------------------------------------------------------------

export const modelStructureSchema = z
	.strictObject({
		id: z.string().regex(MODEL_ID, 'Must be lower-case letters, digits, - or _'),
		version: z.string().regex(MODEL_VERSION, 'Must look like 1.0'),
		thresholds: z.strictObject({
			/** A score strictly above this (as shown, 2 decimals) is "high". */
			high: z.number().min(1).max(5),
			/** Below this an area's advice is "build the basics"; from here up to `high`, "make it consistent". */
			basics: z.number().min(1).max(5).optional(),
			/** An area below this is an improvement area even when it is not below the benchmark. */
			improvement: z.number().min(1).max(5).optional()
		}),
		scale: z.strictObject({
			min: z.literal(1),
			max: z.literal(5),
			dontKnow: z.boolean(),
			/** Whether some statements offer "not used in our team" (those listed in `notUsed`). */
			notUsed: z.boolean().optional()
		}),
		/** Statements where a practice may not exist at all: they offer "not used in our team" as an answer. */
		notUsed: z.array(key).optional(),
		/**
		 * When set, every translation must carry the full advice of each area (levels, gap patterns, a
		 * 30/60/90-day plan, an agenda, a KPI and pitfalls), not only the summary and actions.
		 */
		advice: z.enum(['full', 'levels']).optional(),
		/**
		 * The respondent groups, in the order reports show them (a person's job role is one of them). A round
		 * of this model invites the people whose job role is one of its groups; results are split by group.
		 */
		groups: z
			.array(key.refine((g) => g !== 'all', '"all" means everyone and cannot name a group'))
			.min(1, 'A model needs at least one respondent group')
			.max(MAX_GROUPS, `At most ${MAX_GROUPS} groups`),
		/** The two groups the perception gap compares by default (the first minus the second). Default: the first two. */
		gap: z.tuple([key, key]).optional(),
		/** The months between repeated rounds that a new round of this model suggests (e.g. 3 for quarterly). */
		repeatMonths: z.number().int().min(1).max(24).optional(),
		/**
		 * Parts of the model that should agree: a pair is flagged when its two scores differ by at least
		 * `threshold`, and a statement when two respondent groups differ on it by at least as much.
		 */
		alignment: z
			.strictObject({
				threshold: z.number().min(0.25).max(4),
				pairs: z
					.array(
						z.strictObject({
							key,
							/** Two areas, or two statements (by key). */
							areas: z.tuple([key, key]).optional(),
							statements: z.tuple([key, key]).optional()
						})
					)
					.min(1, 'At least one pair')
			})
			.optional(),
		/** The earlier version this one continues, and what carries across from it. */
		continues: z
			.strictObject({
				version: z.string().regex(MODEL_VERSION, 'Must look like 1.0'),
				/** Areas whose scores compare across the two versions (trends and benchmark carry across). */
				areas: z.array(key),
				/** This version's statement → the earlier version's statement, where the meaning is unchanged. */
				statements: z.record(key, key)
			})
			.optional(),
		areas: z
			.array(
				z.strictObject({
					key,
					statements: z.array(key).min(1, 'An area needs at least one statement'),
					/** Areas whose practice this one builds on (advice names them). */
					dependsOn: z.array(key).optional()
				})
			)
			.min(1, 'A model needs at least one area')
	})
	.superRefine((model, ctx) => {
		const areaKeys = new Set<string>();
		const statementKeys = new Set<string>();
		model.areas.forEach((area, i) => {
			if (areaKeys.has(area.key))
				ctx.addIssue({ code: 'custom', path: ['areas', i, 'key'], message: `Duplicate area key "${area.key}"` });
			areaKeys.add(area.key);
			area.statements.forEach((s, j) => {
				// Statement keys are unique across the whole model, so an answer can be stored by statement key alone.
				if (statementKeys.has(s))
					ctx.addIssue({
						code: 'custom',
						path: ['areas', i, 'statements', j],
						message: `Duplicate statement key "${s}"`
					});
				statementKeys.add(s);
			});
		});
		model.areas.forEach((area, i) =>
			(area.dependsOn ?? []).forEach((d, j) => {
				if (!areaKeys.has(d) || d === area.key)
					ctx.addIssue({ code: 'custom', path: ['areas', i, 'dependsOn', j], message: `Not another area of this model: "${d}"` });
			})
		);
		(model.notUsed ?? []).forEach((s, i) => {
			if (!statementKeys.has(s)) ctx.addIssue({ code: 'custom', path: ['notUsed', i], message: `Unknown statement "${s}"` });
		});
		if ((model.notUsed ?? []).length > 0 && !model.scale.notUsed)
			ctx.addIssue({ code: 'custom', path: ['scale', 'notUsed'], message: 'Must be true when statements offer "not used"' });
		const groups = new Set<string>();
		model.groups.forEach((g, i) => {
			if (groups.has(g)) ctx.addIssue({ code: 'custom', path: ['groups', i], message: `Duplicate group "${g}"` });
			groups.add(g);
		});
		(model.gap ?? []).forEach((g, i) => {
			if (!groups.has(g)) ctx.addIssue({ code: 'custom', path: ['gap', i], message: `Not a group of this model: "${g}"` });
		});
		if (model.gap && model.gap[0] === model.gap[1]) ctx.addIssue({ code: 'custom', path: ['gap', 1], message: 'The gap compares two different groups' });
		const pairKeys = new Set<string>();
		(model.alignment?.pairs ?? []).forEach((pair, i) => {
			const at = ['alignment', 'pairs', i];
			if (pairKeys.has(pair.key)) ctx.addIssue({ code: 'custom', path: [...at, 'key'], message: `Duplicate pair key "${pair.key}"` });
			pairKeys.add(pair.key);
			if (!pair.areas === !pair.statements)
				ctx.addIssue({ code: 'custom', path: at, message: 'A pair names either two areas or two statements' });
			const [list, known, what] = pair.areas ? [pair.areas, areaKeys, 'area'] : [pair.statements ?? [], statementKeys, 'statement'];
			list.forEach((k, j) => {
				if (!known.has(k)) ctx.addIssue({ code: 'custom', path: [...at, pair.areas ? 'areas' : 'statements', j], message: `Unknown ${what} "${k}"` });
			});
			if (list[0] === list[1]) ctx.addIssue({ code: 'custom', path: at, message: `A pair names two different ${what}s` });
		});
		if (model.continues) {
			model.continues.areas.forEach((a, i) => {
				if (!areaKeys.has(a)) ctx.addIssue({ code: 'custom', path: ['continues', 'areas', i], message: `Unknown area "${a}"` });
			});
			for (const s of Object.keys(model.continues.statements))
				if (!statementKeys.has(s)) ctx.addIssue({ code: 'custom', path: ['continues', 'statements', s], message: `Unknown statement "${s}"` });
		}
	});

// ---- <lang>.json -----------------------------------------------------------------------------------------

const scaleLabel = line(80);
const steps = (min: number, max: number) => z.array(prose(400)).min(min, `At least ${min}`).max(max, `At most ${max}`);

/** The full advice of an area (required when model.json says `"advice": "full"`). */
export const fullAdviceSchema = z.strictObject({
	/** By the area's score: below `basics`, up to `high`, above `high`. */
	levels: z.strictObject({ basics: prose(900), consistent: prose(900), refine: prose(900) }),
	/** The first group of the model's gap pair rates the area clearly higher than the second, or clearly lower. */
	gap: z.strictObject({ firstHigher: prose(700), firstLower: prose(700) }),
	/** What to do in the first 30, the next 30 and the last 30 days. */
	plan: z.strictObject({ days30: steps(1, 4), days60: steps(1, 4), days90: steps(1, 4) }),
	/** Items of a meeting about the area. */
	agenda: steps(3, 7),
	/** One KPI to watch, with its target value. */
	kpi: z.strictObject({ name: line(120), target: line(160), why: prose(400) }),
	pitfalls: steps(2, 3)
});
export type FullAdvice = z.infer<typeof fullAdviceSchema>;

export const modelTranslationSchema = z.strictObject({
	language: z.string().regex(LANGUAGE, 'Must be a language code such as en, sv or pt-BR'),
	name: line(120),
	description: prose(600),
	scale: z.strictObject({
		'1': scaleLabel,
		'2': scaleLabel,
		'3': scaleLabel,
		'4': scaleLabel,
		'5': scaleLabel,
		dontKnow: scaleLabel.optional(),
		notUsed: scaleLabel.optional()
	}),
	/** Per respondent group of model.json: one person, and the group (e.g. "Sales person", "Sales people"). */
	groups: z.record(key, z.strictObject({ one: line(60), other: line(60) })),
	/** Per alignment pair of model.json: what a misalignment looks like, and what leaders should do first. */
	alignment: z
		.record(
			key,
			z.strictObject({
				symptom: prose(300),
				behaviours: z.array(prose(300)).min(1, 'At least one behaviour').max(5, 'At most 5 behaviours')
			})
		)
		.optional(),
	areas: z.record(
		key,
		z.strictObject({
			name: line(80),
			description: prose(400),
			advice: z.strictObject({
				summary: prose(1200),
				actions: z.array(prose(500)).min(1, 'At least one action').max(10, 'At most 10 actions'),
				...fullAdviceSchema.partial().shape
			}),
			statements: z.record(
				key,
				z.strictObject({
					text: line(STATEMENT_MAX),
					advice: prose(400).optional()
				})
			)
		})
	)
});

// ---- questions/standard.json -----------------------------------------------------------------------------

export const QUESTION_TYPES = ['scale', 'single', 'multi', 'text', 'number'] as const;
/** Languages every standard question is written in. */
export const QUESTION_LANGUAGES = ['en', 'sv'] as const;

const questionTextSchema = z.strictObject({
	text: line(300),
	options: z.array(line(150)).min(2, 'At least two options').max(30, 'At most 30 options').optional(),
	/** Labels for some or all points of the 1–5 scale (at least the ends). */
	scaleLabels: z
		.strictObject({
			'1': scaleLabel,
			'2': scaleLabel.optional(),
			'3': scaleLabel.optional(),
			'4': scaleLabel.optional(),
			'5': scaleLabel
		})
		.optional(),
	unit: line(20).optional()
});

export const standardQuestionSchema = z
	.strictObject({
		key,
		type: z.enum(QUESTION_TYPES, { message: `Must be one of ${QUESTION_TYPES.join(', ')}` }),
		en: questionTextSchema,
		sv: questionTextSchema,
		min: z.number().optional(),
		max: z.number().optional()
	})
	.superRefine((q, ctx) => {
		const choice = q.type === 'single' || q.type === 'multi';
		const counts = new Set<number>();
		for (const lang of QUESTION_LANGUAGES) {
			const t = q[lang];
			if (choice) {
				if (!t.options) ctx.addIssue({ code: 'custom', path: [lang, 'options'], message: `A ${q.type} question needs options` });
				else {
					counts.add(t.options.length);
					if (new Set(t.options).size !== t.options.length)
						ctx.addIssue({ code: 'custom', path: [lang, 'options'], message: 'Options must be unique' });
				}
			} else if (t.options) {
				ctx.addIssue({ code: 'custom', path: [lang, 'options'], message: 'Only single and multi questions have options' });
			}
			if (t.scaleLabels && q.type !== 'scale')
				ctx.addIssue({ code: 'custom', path: [lang, 'scaleLabels'], message: 'Only scale questions have scale labels' });
			if (t.unit && q.type !== 'number')
				ctx.addIssue({ code: 'custom', path: [lang, 'unit'], message: 'Only number questions have a unit' });
		}
		if (counts.size > 1)
			ctx.addIssue({
				code: 'custom',
				path: ['options'],
				message: `Every language needs the same number of options (${QUESTION_LANGUAGES.map((l) => `${l}: ${q[l].options?.length ?? 0}`).join(', ')})`
			});
		if (q.type === 'number') {
			if (q.min === undefined || q.max === undefined)
				ctx.addIssue({ code: 'custom', path: ['min'], message: 'A number question needs min and max' });
			else if (q.min >= q.max) ctx.addIssue({ code: 'custom', path: ['max'], message: 'max must be greater than min' });
		} else if (q.min !== undefined || q.max !== undefined) {
			ctx.addIssue({ code: 'custom', path: ['min'], message: 'Only number questions have min and max' });
		}
	});

export const standardQuestionLibrarySchema = z
	.array(standardQuestionSchema)
	.min(1, 'The library needs at least one question')
	.superRefine((questions, ctx) => {
		const seen = new Set<string>();
		questions.forEach((q, i) => {
			if (seen.has(q.key)) ctx.addIssue({ code: 'custom', path: [i, 'key'], message: `Duplicate question key "${q.key}"` });
			seen.add(q.key);
		});
	});

export type ModelStructure = z.infer<typeof modelStructureSchema>;
export type ModelTranslation = z.infer<typeof modelTranslationSchema>;
export type StandardQuestion = z.infer<typeof standardQuestionSchema>;
export type QuestionType = (typeof QUESTION_TYPES)[number];
