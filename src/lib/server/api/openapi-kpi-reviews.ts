import type { OutputName } from './outputs';
import { z } from 'zod';
import { closeInput, correctionInput, reviewRef } from '$lib/server/kpis/review-input';
import { agendaInput } from '$lib/server/kpis/agenda';

/** The monthly-review part of the OpenAPI document: alarms, reviews, corrections and the executives' agenda. */
const schema = (s: z.ZodType) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const body = (name: string, example: unknown) => ({ required: true, content: { 'application/json': { schema: ref(name), example } } });
const ok = (name: OutputName, status = '200', description = 'OK', example?: unknown) => ({
	[status]: { description, content: { 'application/json': { schema: ref(name), ...(example ? { example } : {}) } } }
});
const errors = (...codes: number[]) => Object.fromEntries(codes.map((c) => [String(c), { $ref: `#/components/responses/E${c}` }]));
const id = { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } };
const month = { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])$' };
const unitDoc = 'A unit id, or `organization` for the organization’s top (admins).';
const range = (what: string) => [
	{ name: 'unit', in: 'query', schema: { type: 'string' }, description: `${unitDoc} Default: every unit the caller may act on.` },
	{ name: 'from', in: 'query', schema: month, description: `The first ${what} (YYYY-MM), inclusive.` },
	{ name: 'to', in: 'query', schema: month, description: `The last ${what} (YYYY-MM), inclusive.` }
];
const boardQuery = [
	{ name: 'unit', in: 'query', schema: { type: 'string' }, description: `${unitDoc} Default: where the caller starts.` },
	{ name: 'month', in: 'query', schema: month, description: 'YYYY-MM. Default: the last closed month.' }
];
const who =
	'An admin (or an admin’s API token) reaches every unit and the organization’s top; a manager (a viewer with a unit) the units of their subtree. Any other unit or review, and any of another organization, is 404.';
const UNIT = '3f2c9a4e-8b1d-4c6e-9f0a-2d5b7e1c4a90';

export function kpiReviewPaths() {
	return {
		'/kpis/alarms': {
			get: {
				summary: 'The alarms of a unit’s board',
				description:
					'The red and amber checks of GET /kpis/board for the same unit and month, one per row (the unit’s total, each child unit, the unit’s own figures, each person), KPI and measure (month, ytd, runRate), with the same figures. Access as the board.',
				operationId: 'kpiAlarms',
				parameters: boardQuery,
				responses: {
					...ok('KpiAlarmList', '200', 'OK', {
						month: '2026-03',
						zone: 'Europe/Stockholm',
						unit: { id: UNIT, name: 'North' },
						alarms: [
							{
								kpi: 'sales',
								row: { kind: 'unit', id: UNIT, name: 'Team B' },
								measure: 'month',
								level: 'red',
								plan: '500',
								actual: '400',
								deviationPct: '-20'
							}
						]
					}),
					...errors(400, 401, 404)
				}
			}
		},
		'/kpis/board/export': {
			get: {
				summary: 'The alarm board as Excel or CSV',
				description:
					'The board of GET /kpis/board (same access and figures) as a file with English headings: a line per row and KPI with the unit path, the month’s actual, plan, deviation % and status, the year to date’s, and the forecast at this pace with its status. Numbers are numbers; text cells that start with = + - @, a tab or a carriage return are prefixed with an apostrophe.',
				operationId: 'exportKpiBoard',
				parameters: [...boardQuery, { name: 'format', in: 'query', schema: { type: 'string', enum: ['xlsx', 'csv'], default: 'xlsx' } }],
				responses: {
					'200': {
						description: 'The file, as an attachment',
						content: { 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {}, 'text/csv': {} }
					},
					...errors(400, 401, 404)
				}
			}
		},
		'/kpis/reviews': {
			get: {
				summary: 'Monthly reviews',
				description: `Newest month first, each with its status and how many corrections were recorded at it. ${who}`,
				operationId: 'listKpiReviews',
				parameters: range('month under review'),
				responses: { ...ok('KpiReviewList'), ...errors(400, 401, 404) }
			},
			post: {
				summary: 'Open the review of a unit and month',
				description: `Idempotent: the same unit and month answer the review already opened (open or closed). ${who}`,
				operationId: 'openKpiReview',
				requestBody: body('KpiReviewRef', { unitId: UNIT, month: '2026-03' }),
				responses: { ...ok('KpiReview'), ...errors(400, 401, 404) }
			}
		},
		'/kpis/reviews/{id}': {
			parameters: [id],
			get: {
				summary: 'A review with its corrections and minutes',
				operationId: 'getKpiReview',
				description: who,
				responses: { ...ok('KpiReview'), ...errors(401, 404) }
			}
		},
		'/kpis/reviews/{id}/corrections': {
			parameters: [id],
			post: {
				summary: 'Record a correction at a review',
				description: `A decision for a KPI’s alarm from the correction menu, with owner (one of the unit’s people, a viewer or an admin), expected effect, check date and what is passed down to the sales people; \`asAction\` also plans it as an action of the unit due on the check date. 409 when the review is closed. ${who}`,
				operationId: 'recordKpiCorrection',
				requestBody: body('KpiCorrectionInput', {
					kpi: 'order_intake',
					alarmMonth: '2026-03',
					correction: 'joint_visits',
					title: 'Joint visits on the ten largest open deals',
					ownerId: null,
					expectedEffect: 'Order intake back on plan by May',
					checkOn: '2026-05-15',
					passedDown: 'Book a joint visit with your manager on your two largest deals this month.',
					asAction: true
				}),
				responses: { ...ok('KpiCorrection', '201', 'Recorded'), ...errors(400, 401, 404, 409) }
			}
		},
		'/kpis/reviews/{id}/close': {
			parameters: [id],
			post: {
				summary: 'Close a review with its minutes',
				description: `A closed review no longer changes (409 when already closed); the minutes are also a PDF on the review page. ${who}`,
				operationId: 'closeKpiReview',
				requestBody: body('KpiReviewClose', { minutes: 'Order intake red in Team B; joint visits agreed, checked on 15 May.' }),
				responses: { ...ok('KpiReview'), ...errors(400, 401, 404, 409) }
			}
		},
		'/kpis/corrections': {
			get: {
				summary: 'Corrections and their check dates',
				description: `Corrections decided at monthly reviews, newest alarm month first; \`due\`: the check date has come. ${who}`,
				operationId: 'listKpiCorrections',
				parameters: range('alarm month'),
				responses: { ...ok('KpiCorrectionList'), ...errors(400, 401, 404) }
			}
		},
		'/kpis/agenda': {
			get: {
				summary: 'The executives’ agenda for sales',
				description:
					'Which KPIs and reporting the sales organization works to, as the executive team decided: the agenda in force first, then earlier decisions. Anyone in the organization.',
				operationId: 'listSalesAgendas',
				responses: { ...ok('SalesAgendaList'), ...errors(401, 403) }
			},
			post: {
				summary: 'Record the executives’ agenda',
				description:
					'A decision of the executive team: when, who decided, the KPIs (of the organization), priorities and reporting. Admins (or an admin’s API token) only.',
				operationId: 'recordSalesAgenda',
				requestBody: body('SalesAgendaInput', {
					decidedOn: '2026-01-20',
					decidedBy: 'The executive team (CEO, CFO, sales director)',
					kpis: ['order_intake', 'gross_margin', 'pipeline_coverage'],
					priorities: 'Grow margin in the mid-market; keep pipeline coverage above 3.',
					reporting: 'Monthly alarm board to the executive team; quarterly pack to the board.'
				}),
				responses: { ...ok('SalesAgenda', '201', 'Recorded'), ...errors(400, 401, 403) }
			}
		}
	};
}

export function kpiReviewSchemas() {
	return {
		KpiReviewRef: schema(reviewRef),
		KpiCorrectionInput: schema(correctionInput),
		KpiReviewClose: schema(closeInput),
		SalesAgendaInput: schema(agendaInput)
	};
}
