/**
 * Which of the SOS model's nine areas are the management practices behind each starter KPI (pure data):
 * the review page points from an alarm to them, so the meeting can ask whether the way the unit is
 * managed explains the miss (../shared/domain.md). The first area is the closest. A KPI an
 * organization defined itself has none (an empty list), and neither does an unknown key.
 *
 * - Order intake, sales: targets broken down and followed up; deals driven (business follow-up); the
 *   one-to-ones where a sales person's results and deals are gone through.
 * - Gross margin: targets that reward profitability; business follow-up of the deals (price, offer).
 * - New customers, lost customers: who owns which customer and how often they are seen (territory);
 *   the activity that wins and keeps them.
 * - Pipeline coverage (and its parts): business follow-up of the pipeline; activity that fills it.
 * - Forecast accuracy (and the forecast value): forecasting; business follow-up of the deals behind it.
 * - Customer meetings: activity levels and planning; joint field visits.
 */
export const KPI_AREAS: Readonly<Record<string, readonly string[]>> = {
	order_intake: ['targets', 'business_followup', 'one_to_one'],
	sales: ['targets', 'business_followup', 'one_to_one'],
	gross_margin: ['targets', 'business_followup'],
	new_customers: ['territory', 'activity_planning'],
	lost_customers: ['territory', 'activity_planning'],
	pipeline_coverage: ['business_followup', 'activity_planning'],
	pipeline_value: ['business_followup', 'activity_planning'],
	remaining_target: ['targets'],
	forecast_accuracy: ['forecasting', 'business_followup'],
	forecast_value: ['forecasting'],
	customer_meetings: ['activity_planning', 'field_visits']
};

/** The areas behind a KPI, in the order of closeness (none for a KPI the starter set does not know). */
export const areasOfKpi = (kpiKey: string): readonly string[] => (Object.hasOwn(KPI_AREAS, kpiKey) ? KPI_AREAS[kpiKey] : []);
