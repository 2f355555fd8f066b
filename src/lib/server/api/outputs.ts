import { z } from 'zod';
import { errorOutput } from '$lib/server/http/output';
import { unitListOutput, unitOutput } from '$lib/server/units/output';
import { userListOutput, userOutput } from '$lib/server/users/output';
import { importAppliedOutput, importPreviewOutput, userImportOutput } from '$lib/server/imports/output';
import { surveySubmittedOutput } from '$lib/server/survey/output';
import { responseRatesOutput, roundListOutput, roundOutput, roundWarningOutput, roundWithWarningsOutput } from '$lib/server/rounds/output';
import { questionListOutput, questionOutput, standardQuestionOutput } from '$lib/server/questions/output';
import { heatmapCutOutput, heatmapOutput, resultRoundListOutput, trendOutput, unitResultsOutput } from '$lib/server/results/output';
import { benchmarkVersionListOutput } from '$lib/server/benchmarks/output';
import { actionListOutput, actionOutput } from '$lib/server/actions/output';
import { decisionListOutput, decisionOutput } from '$lib/server/decisions/output';
import { exportListOutput, exportOutput } from '$lib/server/exports/output';
import { kpiBoardOutput, kpiChangeListOutput, kpiListOutput, kpiValueListOutput, kpiValuesWrittenOutput } from '$lib/server/kpis/output';
import {
	kpiAlarmListOutput,
	kpiCorrectionListOutput,
	kpiCorrectionOutput,
	kpiReviewListOutput,
	kpiReviewOutput,
	salesAgendaListOutput,
	salesAgendaOutput
} from '$lib/server/kpis/review-output';
import { experimentListOutput, experimentOutput } from '$lib/server/experiments/output';
import { alignmentOutput } from '$lib/server/results/alignment-output';
import { erasureOutput, retentionOutput } from '$lib/server/orgs/output';
import { billingOutput, invoiceListOutput, invoiceOutput, operatorBillingOutput, operatorInvoiceListOutput } from '$lib/server/billing/output';

/** The OpenAPI component name of every output schema the API answers through reply(). */
const outputs = {
	Unit: unitOutput,
	UnitList: unitListOutput,
	User: userOutput,
	UserList: userListOutput,
	ImportPreview: importPreviewOutput,
	UserImport: userImportOutput,
	ImportApplied: importAppliedOutput,
	SurveySubmitted: surveySubmittedOutput,
	Round: roundOutput,
	RoundList: roundListOutput,
	RoundWithWarnings: roundWithWarningsOutput,
	RoundWarning: roundWarningOutput,
	ResponseRates: responseRatesOutput,
	Question: questionOutput,
	StandardQuestion: standardQuestionOutput,
	QuestionList: questionListOutput,
	ResultRoundList: resultRoundListOutput,
	UnitResults: unitResultsOutput,
	Heatmap: heatmapOutput,
	HeatmapCut: heatmapCutOutput,
	Trend: trendOutput,
	Action: actionOutput,
	ActionList: actionListOutput,
	BenchmarkVersionList: benchmarkVersionListOutput,
	Decision: decisionOutput,
	DecisionList: decisionListOutput,
	Export: exportOutput,
	ExportList: exportListOutput,
	Error: errorOutput,
	KpiBoard: kpiBoardOutput,
	KpiList: kpiListOutput,
	KpiValuesWritten: kpiValuesWrittenOutput,
	KpiValueList: kpiValueListOutput,
	KpiChangeList: kpiChangeListOutput,
	KpiAlarmList: kpiAlarmListOutput,
	KpiReview: kpiReviewOutput,
	KpiReviewList: kpiReviewListOutput,
	KpiCorrection: kpiCorrectionOutput,
	KpiCorrectionList: kpiCorrectionListOutput,
	SalesAgenda: salesAgendaOutput,
	SalesAgendaList: salesAgendaListOutput,
	Experiment: experimentOutput,
	ExperimentList: experimentListOutput,
	Alignment: alignmentOutput,
	Erasure: erasureOutput,
	Retention: retentionOutput,
	Billing: billingOutput,
	InvoiceList: invoiceListOutput,
	Invoice: invoiceOutput,
	OperatorBilling: operatorBillingOutput,
	OperatorInvoiceList: operatorInvoiceListOutput
};
export type OutputName = keyof typeof outputs;

const SAFE = Number.MAX_SAFE_INTEGER;
/** Formats say enough; zod's regular expressions for them and the safe-integer bounds are left out of the document. */
function tidy({ jsonSchema: s }: { jsonSchema: Record<string, unknown> }) {
	if (s.minimum === -SAFE && s.maximum === SAFE) {
		delete s.minimum;
		delete s.maximum;
	}
	if (typeof s.format === 'string' && ['uuid', 'date-time', 'date'].includes(s.format)) delete s.pattern;
}

/** The response schemas of the OpenAPI document, written from the zod output schemas (named ones as $refs). */
export function outputJsonSchemas(): Record<OutputName, Record<string, unknown>> {
	const registry = z.registry<{ id: string }>();
	for (const [id, schema] of Object.entries(outputs)) registry.add(schema, { id });
	const { schemas } = z.toJSONSchema(registry, { io: 'output', uri: (id) => `#/components/schemas/${id}`, override: tidy });
	return Object.fromEntries(Object.entries(schemas).map(([id, { $schema: _, $id: __, ...s }]) => [id, s])) as unknown as Record<
		OutputName,
		Record<string, unknown>
	>;
}
