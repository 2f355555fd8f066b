/**
 * The correction menu of the monthly review (pure): what a team can decide when a KPI's outcome drifts
 * from plan. Each has a short name and a hint (messages kpis.correction.<key> and .<key>Hint).
 */
export const CORRECTIONS = ['shift_time', 'campaign', 'joint_visits', 'reassign_accounts', 'price_offer', 'revise_target', 'escalate', 'other'] as const;

export type Correction = (typeof CORRECTIONS)[number];
