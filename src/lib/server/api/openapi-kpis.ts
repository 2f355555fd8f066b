import type { OutputName } from './outputs';
import { z } from 'zod';
import { kpiDefinition } from '$lib/kpis/definition';
import { kpiValuesInput } from '$lib/server/kpis/input';

/** The KPI part of the OpenAPI document: definitions, plans and actuals, corrections. */
const schema = (s: z.ZodType) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const body = (name: string) => ({ required: true, content: { 'application/json': { schema: ref(name) } } });
const ok = (name: OutputName) => ({ '200': { description: 'OK', content: { 'application/json': { schema: ref(name) } } } });
const errors = (...codes: number[]) => Object.fromEntries(codes.map((c) => [String(c), { $ref: `#/components/responses/E${c}` }]));
const admins = 'Admins (or an admin’s API token) only.';

export function kpiPaths() {
	return {
		'/kpis': {
			get: { summary: 'List the KPIs', operationId: 'listKpis', responses: { ...ok('KpiList'), ...errors(401, 403) } },
			put: {
				summary: 'Replace the KPI set',
				description: `The whole set, validated together: a weighted KPI's base and a ratio's parts must be summed KPIs of the set, with no cycles; amber below red. A KPI left out is archived, its values kept. \`owner\` is the email of a viewer or an admin of the organization, who gets one email with the KPI's new alarms once a month's actuals are in; omitted: the owner stays as it is, null: no owner. ${admins}`,
				operationId: 'saveKpis',
				requestBody: body('KpiSetInput'),
				responses: { ...ok('KpiList'), ...errors(400, 401, 403) }
			}
		},
		'/kpis/starter': {
			post: {
				summary: 'Start with the starter KPIs',
				description: `Order intake, sales, gross margin, new customers, pipeline coverage, forecast accuracy, customer meetings and lost customers (and the parts they are built from), when the organization has no KPIs yet; otherwise nothing changes. ${admins}`,
				operationId: 'installStarterKpis',
				responses: { ...ok('KpiList'), ...errors(401, 403) }
			}
		},
		'/kpis/values': {
			get: {
				summary: 'Plans and actuals of a month',
				operationId: 'listKpiValues',
				parameters: [
					{ name: 'month', in: 'query', required: true, schema: { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])$' } },
					{ name: 'kpi', in: 'query', schema: { type: 'string' } }
				],
				description: admins,
				responses: { ...ok('KpiValueList'), ...errors(400, 401, 403) }
			},
			put: {
				summary: 'Write plans and actuals (idempotent upsert)',
				description: `By KPI key, unit id or person (email), and month; an omitted plan or actual is left as it is, null clears it. Up to 100,000 values; all or nothing: with any value wrong, nothing is written and each wrong value is named (details[].path = values.<index>). A value that changes one already entered is kept as a correction (GET /kpis/changes). ${admins}`,
				operationId: 'writeKpiValues',
				requestBody: body('KpiValuesInput'),
				responses: { ...ok('KpiValuesWritten'), ...errors(400, 401, 403) }
			}
		},
		'/kpis/changes': {
			get: {
				summary: 'Corrections of plans and actuals',
				description: `Newest first: who changed which value, when, from what to what, and how (import, api, manual). ${admins}`,
				operationId: 'listKpiChanges',
				parameters: [{ name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 1000, default: 100 } }],
				responses: { ...ok('KpiChangeList'), ...errors(400, 401, 403) }
			}
		},
		'/kpis/board': {
			parameters: [
				{
					name: 'unit',
					in: 'query',
					schema: { type: 'string' },
					description:
						'A unit id, or `organization` for the top (admins). Default: where the caller starts (an admin the top, a manager their unit, a sales person their team).'
				},
				{
					name: 'month',
					in: 'query',
					schema: { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])$' },
					description: 'YYYY-MM, a calendar month in the organization’s time zone. Default: the last closed month.'
				}
			],
			get: {
				summary: 'The KPI alarm board of a unit',
				description:
					'Each KPI’s month, year-to-date and run-rate against plan for the unit and each row below it: its child units (each with its subtree), its own figures, and the people in it. Roll-ups follow docs/kpis.md: sums, weighted averages of Σ value × base ÷ Σ base, ratios of summed parts; statuses are decided on exact numbers. An admin sees every unit; a manager (viewer) the subtree of their unit; a sales person their team’s total and their own figures. Any other unit is 404.',
				operationId: 'kpiBoard',
				responses: { ...ok('KpiBoard'), ...errors(400, 401, 404) }
			}
		}
	};
}

export function kpiSchemas() {
	return { KpiSetInput: schema(z.strictObject({ kpis: z.array(kpiDefinition) })), KpiValuesInput: schema(kpiValuesInput) };
}
