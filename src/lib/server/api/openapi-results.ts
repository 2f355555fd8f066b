import type { OutputName } from './outputs';
import { z } from 'zod';
import { actionFilter, actionInput, actionPatch, noteInput } from '$lib/server/actions/input';

/** The results part of the OpenAPI document: published rounds, a unit's results, heatmap, trend, actions, benchmark versions. */
const schema = (s: z.ZodType) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const ok = (name: OutputName) => ({ '200': { description: 'OK', content: { 'application/json': { schema: ref(name) } } } });
const errors = (...codes: number[]) => Object.fromEntries(codes.map((c) => [String(c), { $ref: `#/components/responses/E${c}` }]));
const round = { name: 'round', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } };
const unitPath = {
	name: 'unit',
	in: 'path',
	required: true,
	schema: { type: 'string' },
	description: 'A unit id, or `organization` for the whole organization (admins).'
};
const query = [
	{
		name: 'compare',
		in: 'query',
		schema: { type: 'string', default: 'all' },
		description: '`all`, `industry`, `size_band`, `country`, `sales_model` (the organization’s own segment), or `import:<benchmark version id>`.'
	},
	{ name: 'statistic', in: 'query', schema: { enum: ['mean', 'median', 'p75', 'p90'], default: 'mean' } },
	{ name: 'lang', in: 'query', schema: { enum: ['en', 'sv'] }, description: 'Language of area, statement and question texts (default: the caller’s).' }
];
/** The /actions list filters as query parameters, from the zod schema the route parses them with. */
const actionFilters = () => {
	const { properties } = schema(actionFilter) as { properties: Record<string, object> };
	return Object.entries(properties).map(([name, s]) => ({ name, in: 'query', schema: s }));
};
const hidden =
	'Null wherever the figure would rest on fewer than k respondents, or would let a smaller group be worked out from other figures the caller can see.';

export function resultPaths() {
	return {
		'/results': {
			get: { summary: 'Published rounds the caller may read', operationId: 'listResults', responses: { ...ok('ResultRoundList'), ...errors(401, 403) } }
		},
		'/results/{round}/units/{unit}': {
			parameters: [
				round,
				unitPath,
				...query,
				{
					name: 'within',
					in: 'query',
					schema: { enum: ['parent', 'organization'] },
					description: 'Also compare with the unit above (`parent`) or the whole organization: their area scores in `internal.compared`.'
				}
			],
			get: {
				summary: 'A unit’s results in a published round',
				description: `Scores per area (mean of respondents’ area means, respondent-weighted through the tree), the benchmark it is compared with (the version pinned at publishing, without the caller’s own organization, shown only with at least five other organizations), difference, colour and rank; strengths and improvement areas with advice; statements with their answer distributions; each area per respondent group and the perception gap between two of them (?gap=&gap=; default the model’s pair); sub-units; company questions. ${hidden} Viewers see only their subtree (404 elsewhere).`,
				operationId: 'unitResults',
				responses: { ...ok('UnitResults'), ...errors(400, 401, 403, 404) }
			}
		},
		'/results/{round}/heatmap': {
			parameters: [
				round,
				{ name: 'unit', in: 'query', required: true, schema: { type: 'string' } },
				{ name: 'depth', in: 'query', schema: { type: 'integer', minimum: 0, maximum: 10, default: 1 } },
				...query
			],
			get: {
				summary: 'Units × areas for a unit and its sub-units',
				description: hidden,
				operationId: 'resultsHeatmap',
				responses: { ...ok('Heatmap'), ...errors(400, 401, 403, 404) }
			}
		},
		'/results/{round}/cuts': {
			parameters: [
				round,
				{ name: 'unit', in: 'query', required: true, schema: { type: 'string' } },
				{
					name: 'attribute',
					in: 'query',
					schema: { type: 'string' },
					description: 'A unit attribute (the import’s unit_ columns, without the prefix). Without it: only the attributes on offer.'
				},
				...query
			],
			get: {
				summary: 'A unit’s respondents cut by a unit attribute',
				description: `One row per value of the attribute among the unit’s sub-units (a unit without a value takes the one above it). A cut is a group across the tree, so a figure shows only where it is a combination of whole-unit figures the caller already sees. ${hidden}`,
				operationId: 'resultsHeatmapCut',
				responses: { ...ok('HeatmapCut'), ...errors(400, 401, 403, 404) }
			}
		},
		'/results/trend/{unit}': {
			parameters: [unitPath, query[2]],
			get: {
				summary: 'A unit’s area scores across rounds',
				description: `Published rounds of the current model, oldest first. A renamed or moved unit keeps its history; a unit that others were merged into shows their figures added up. ${hidden}`,
				operationId: 'resultsTrend',
				responses: { ...ok('Trend'), ...errors(400, 401, 403, 404) }
			}
		},
		'/actions': {
			get: {
				summary: 'Action plans',
				description:
					'Of the units the caller may see (viewers: their subtree). Filters: unitId (its subtree; "organization": everything the caller sees), status, open=true (planned or in progress), ownerId, overdue=true, mine=true, areaKey. Open actions first (overdue at the top), then by due date.',
				operationId: 'listActions',
				parameters: actionFilters(),
				responses: { ...ok('ActionList'), ...errors(400, 401, 403) }
			},
			post: {
				summary: 'Create an action',
				description:
					'What will be done (title), why (reason: the finding it answers), owner (a user of the organization), due date, status, for a unit the caller may act on, optionally tied to a round and an area or statement.',
				operationId: 'createAction',
				requestBody: { required: true, content: { 'application/json': { schema: ref('ActionInput') } } },
				responses: { '201': { description: 'Created', content: { 'application/json': { schema: ref('Action') } } }, ...errors(400, 401, 403, 404) }
			}
		},
		'/actions/{id}': {
			parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
			get: { summary: 'An action with its notes', operationId: 'getAction', responses: { ...ok('Action'), ...errors(401, 403, 404) } },
			patch: {
				summary: 'Change an action',
				operationId: 'updateAction',
				requestBody: { required: true, content: { 'application/json': { schema: ref('ActionPatch') } } },
				responses: { ...ok('Action'), ...errors(400, 401, 403, 404) }
			},
			delete: {
				summary: 'Delete an action planned by mistake (with its notes)',
				operationId: 'deleteAction',
				responses: { '204': { description: 'Deleted' }, ...errors(401, 403, 404) }
			}
		},
		'/actions/{id}/notes': {
			parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
			post: {
				summary: 'Add a progress note',
				operationId: 'addActionNote',
				requestBody: { required: true, content: { 'application/json': { schema: ref('ActionNote') } } },
				responses: { '201': { description: 'Added', content: { 'application/json': { schema: ref('Action') } } }, ...errors(400, 401, 403, 404) }
			}
		},
		'/benchmarks': {
			get: {
				summary: 'Benchmark versions',
				description: 'Versions built by SOS whenever rounds close, and sources the operator imported.',
				operationId: 'listBenchmarks',
				responses: { ...ok('BenchmarkVersionList'), ...errors(401, 403) }
			}
		}
	};
}

export function resultSchemas() {
	return { ActionInput: schema(actionInput), ActionPatch: schema(actionPatch), ActionNote: schema(noteInput) };
}
