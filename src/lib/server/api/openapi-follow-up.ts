import type { OutputName } from './outputs';
import { z } from 'zod';
import { decisionInput } from '$lib/server/decisions/input';
import { exportInput } from '$lib/server/exports/input';

/** The follow-up part of the OpenAPI document: decision points and report exports. */
const schema = (s: z.ZodType) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const ok = (name: OutputName) => ({ '200': { description: 'OK', content: { 'application/json': { schema: ref(name) } } } });
const errors = (...codes: number[]) => Object.fromEntries(codes.map((c) => [String(c), { $ref: `#/components/responses/E${c}` }]));
const id = { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } };

export function followUpPaths() {
	return {
		'/decisions': {
			get: {
				summary: 'Decision points of a unit',
				description:
					'Dated management decisions recorded for a unit (what was decided and why), oldest first. ?unitId= is required (a unit id, or "organization" for the organization\'s own decisions, admins only); viewers only for units of their subtree (an empty list elsewhere).',
				operationId: 'listDecisions',
				parameters: [
					{
						name: 'unitId',
						in: 'query',
						required: true,
						schema: {
							anyOf: [
								{ type: 'string', format: 'uuid' },
								{ type: 'string', const: 'organization' }
							]
						}
					}
				],
				responses: { ...ok('DecisionList'), ...errors(400, 401, 403) }
			},
			post: {
				summary: 'Record a decision',
				operationId: 'recordDecision',
				requestBody: { required: true, content: { 'application/json': { schema: ref('DecisionInput') } } },
				responses: { '201': { description: 'Recorded', content: { 'application/json': { schema: ref('Decision') } } }, ...errors(400, 401, 403, 404) }
			}
		},
		'/decisions/{id}': {
			parameters: [id],
			delete: {
				summary: 'Delete a decision recorded by mistake',
				operationId: 'deleteDecision',
				responses: { '204': { description: 'Deleted' }, ...errors(401, 403, 404) }
			}
		},
		'/exports': {
			get: { summary: 'The caller’s exports of the last seven days', operationId: 'listExports', responses: { ...ok('ExportList'), ...errors(401) } },
			post: {
				summary: 'Export a unit’s report',
				description:
					'PDF report, PowerPoint deck (native charts), Excel workbook or CSV of one unit (or `organization`) in a published round, made in the background with the same figures and anonymity rules as the results endpoint. Answers 202 with the export; poll it until `status` is `ready`, then fetch its file. Audit-logged. Spreadsheet cells that start with = + - @, a tab or a carriage return are prefixed with an apostrophe.',
				operationId: 'requestExport',
				requestBody: { required: true, content: { 'application/json': { schema: ref('ExportInput') } } },
				responses: { '202': { description: 'Accepted', content: { 'application/json': { schema: ref('Export') } } }, ...errors(400, 401, 403, 404) }
			}
		},
		'/exports/{id}': {
			parameters: [id],
			get: {
				summary: 'An export’s status and progress',
				description: 'Only for the caller who asked for it (404 for anyone else).',
				operationId: 'getExport',
				responses: { ...ok('Export'), ...errors(401, 404) }
			}
		},
		'/exports/{id}/file': {
			parameters: [id],
			get: {
				summary: 'The export’s file',
				operationId: 'exportFile',
				responses: {
					'200': {
						description: 'The file, as an attachment',
						content: {
							'application/pdf': {},
							'application/vnd.openxmlformats-officedocument.presentationml.presentation': {},
							'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {},
							'text/csv': {}
						}
					},
					...errors(401, 404)
				}
			}
		}
	};
}

export function followUpSchemas() {
	return { DecisionInput: schema(decisionInput), ExportInput: schema(exportInput) };
}
