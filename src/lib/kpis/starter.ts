/**
 * The starter KPIs an organization begins with (pure data, validated by `kpiSet`). Thresholds are how far
 * worse than plan, in %: months are noisier than the year so far, so their thresholds are wider, and small
 * counts (customers won or lost) wider still.
 *
 * Decisions:
 * - Gross margin is an amount (it is planned in money and adds up); a margin % would be a ratio of
 *   gross margin ÷ sales.
 * - Pipeline coverage = open pipeline value ÷ remaining target (the part of the target not yet won), a
 *   ratio of two summed parts: a region's coverage is its total pipeline over its total gap, never the
 *   mean of its districts' coverages. It is a stock, not a flow, so it has no year-to-date or run rate.
 * - Forecast accuracy (%) per person is 100 × (1 − |actual − forecast| ÷ forecast), averaged weighted by
 *   the forecast value. That weighted mean is exactly 100 × (1 − Σ|error| ÷ Σ forecast), the accuracy of
 *   the total forecast money, so a big forecast that misses counts for more than a small one. (As a
 *   ratio it would need an "absolute error" part nobody reports; the weighted form takes what people do.)
 * - The parts (pipeline value, remaining target, forecast value) have no alarm of their own.
 */
import { kpiSet, type KpiDefinitionInput, type KpiSet } from './definition';

const wide = { amberPct: '20', redPct: '40' };
const monthly = { amberPct: '10', redPct: '20' };
const yearly = { amberPct: '5', redPct: '10' };
const flow = { month: monthly, ytd: yearly, runRate: true };
const noAlarm = { month: null, ytd: null, runRate: false };

export const STARTER_KPIS: KpiDefinitionInput[] = [
	{ key: 'order_intake', names: { en: 'Order intake', sv: 'Orderingång' }, unit: 'currency', direction: 'higher', rollup: { kind: 'sum' }, alarm: flow },
	{ key: 'sales', names: { en: 'Sales', sv: 'Försäljning' }, unit: 'currency', direction: 'higher', rollup: { kind: 'sum' }, alarm: flow },
	{ key: 'gross_margin', names: { en: 'Gross margin', sv: 'Bruttomarginal' }, unit: 'currency', direction: 'higher', rollup: { kind: 'sum' }, alarm: flow },
	{
		key: 'new_customers',
		names: { en: 'New customers', sv: 'Nya kunder' },
		unit: 'count',
		direction: 'higher',
		rollup: { kind: 'sum' },
		alarm: { month: wide, ytd: monthly, runRate: true }
	},
	{
		key: 'pipeline_coverage',
		names: { en: 'Pipeline coverage', sv: 'Pipelinetäckning' },
		unit: 'ratio',
		direction: 'higher',
		rollup: { kind: 'ratio', numerator: 'pipeline_value', denominator: 'remaining_target' },
		alarm: { month: monthly, ytd: null, runRate: false }
	},
	{
		key: 'forecast_accuracy',
		names: { en: 'Forecast accuracy', sv: 'Prognosträffsäkerhet' },
		unit: 'percent',
		direction: 'higher',
		rollup: { kind: 'weighted', base: 'forecast_value' },
		alarm: { month: yearly, ytd: yearly, runRate: false }
	},
	{ key: 'customer_meetings', names: { en: 'Customer meetings', sv: 'Kundmöten' }, unit: 'count', direction: 'higher', rollup: { kind: 'sum' }, alarm: flow },
	{
		key: 'lost_customers',
		names: { en: 'Lost customers', sv: 'Förlorade kunder' },
		unit: 'count',
		direction: 'lower',
		rollup: { kind: 'sum' },
		alarm: { month: wide, ytd: monthly, runRate: true }
	},
	{
		key: 'pipeline_value',
		names: { en: 'Pipeline value', sv: 'Pipelinevärde' },
		unit: 'currency',
		direction: 'higher',
		rollup: { kind: 'sum' },
		alarm: noAlarm
	},
	{
		key: 'remaining_target',
		names: { en: 'Remaining target', sv: 'Kvar till målet' },
		unit: 'currency',
		direction: 'lower',
		rollup: { kind: 'sum' },
		alarm: noAlarm
	},
	{ key: 'forecast_value', names: { en: 'Forecast value', sv: 'Prognosvärde' }, unit: 'currency', direction: 'higher', rollup: { kind: 'sum' }, alarm: noAlarm }
];

/** The starter set, validated (throws if the data above were ever inconsistent; a test keeps it so). */
export const starterKpis = (): KpiSet => kpiSet.parse(STARTER_KPIS);
