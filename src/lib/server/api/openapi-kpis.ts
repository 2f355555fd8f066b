import type { OutputName } from './outputs';

/** The KPI part of the OpenAPI document: the alarm board. */
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const ok = (name: OutputName) => ({ '200': { description: 'OK', content: { 'application/json': { schema: ref(name) } } } });
const errors = (...codes: number[]) => Object.fromEntries(codes.map((c) => [String(c), { $ref: `#/components/responses/E${c}` }]));

export function kpiPaths() {
	return {
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
