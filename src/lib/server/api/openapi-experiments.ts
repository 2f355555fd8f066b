import type { OutputName } from './outputs';
import { z } from 'zod';
import { experimentInput, experimentPatch } from '$lib/server/experiments/input';

/** The experiments part of the OpenAPI document: experiments from an audit's misalignments, and a unit's alignment in a round. */
const schema = (s: z.ZodType) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const ok = (name: OutputName, status = '200', description = 'OK') => ({ [status]: { description, content: { 'application/json': { schema: ref(name) } } } });
const errors = (...codes: number[]) => Object.fromEntries(codes.map((c) => [String(c), { $ref: `#/components/responses/E${c}` }]));
const id = { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } };
const body = (name: string) => ({ required: true, content: { 'application/json': { schema: ref(name) } } });
const unitRef = {
	anyOf: [
		{ type: 'string', format: 'uuid' },
		{ type: 'string', const: 'organization' }
	]
};

export function experimentPaths() {
	return {
		'/experiments': {
			get: {
				summary: 'Experiments',
				description: 'Experiments of the units the caller may act on (viewers: their subtree), the latest window first. Names in the caller’s language.',
				operationId: 'listExperiments',
				parameters: [
					{ name: 'unitId', in: 'query', schema: unitRef, description: 'Only this unit’s (not its sub-units’).' },
					{ name: 'roundId', in: 'query', schema: { type: 'string', format: 'uuid' }, description: 'Only those started from this round.' }
				],
				responses: { ...ok('ExperimentList'), ...errors(400, 401, 403) }
			},
			post: {
				summary: 'Start an experiment',
				description:
					'One lever changed for 6–8 weeks (the end 42–56 days after the start) to mend a misalignment of a published round: a hypothesis, the metric to watch (an area of the round’s model, or a KPI), an owner. Audit-logged.',
				operationId: 'createExperiment',
				requestBody: body('ExperimentInput'),
				responses: { ...ok('Experiment', '201', 'Created'), ...errors(400, 401, 403, 404) }
			}
		},
		'/experiments/{id}': {
			parameters: [id],
			get: { summary: 'An experiment', operationId: 'getExperiment', responses: { ...ok('Experiment'), ...errors(401, 403, 404) } },
			patch: {
				summary: 'Change an experiment',
				description: 'Fields left out stay. The window is checked with the stored dates filled in. Audit-logged.',
				operationId: 'updateExperiment',
				requestBody: body('ExperimentPatch'),
				responses: { ...ok('Experiment'), ...errors(400, 401, 403, 404) }
			}
		},
		'/results/{round}/alignment': {
			parameters: [
				{ name: 'round', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
				{ name: 'unit', in: 'query', required: true, schema: { type: 'string' }, description: 'A unit id, or `organization` (admins).' },
				{ name: 'lang', in: 'query', schema: { enum: ['en', 'sv'] }, description: 'Language of the texts (default: the caller’s).' }
			],
			get: {
				summary: 'A unit’s misalignments in a round',
				description:
					'For a model that declares alignment pairs: the areas × areas matrix of shown score differences, each pair with its symptom and the leadership behaviours to prioritise (flagged when the two shown scores differ by at least the model’s threshold), and the statements on which two respondent groups differ by as much. `alignment` is null for a model without pairs. `followUp`: the unit’s experiments from earlier rounds of the model, with the watched area’s score then and now. Every figure is null where the round’s anonymity pattern hides it.',
				operationId: 'resultsAlignment',
				responses: { ...ok('Alignment'), ...errors(400, 401, 403, 404) }
			}
		}
	};
}

export function experimentSchemas() {
	return { ExperimentInput: schema(experimentInput), ExperimentPatch: schema(experimentPatch) };
}
