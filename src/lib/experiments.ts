/** What an experiment can be (pure, shared by pages and server). */
export const EXPERIMENT_STATUSES = ['planned', 'running', 'done', 'stopped'] as const;
export type ExperimentStatus = (typeof EXPERIMENT_STATUSES)[number];

export const METRIC_KINDS = ['area', 'kpi'] as const;
export type MetricKind = (typeof METRIC_KINDS)[number];

/** An experiment runs 6–8 weeks: its last day is 42–56 days after its first. */
export const WINDOW_MIN_DAYS = 42;
export const WINDOW_MAX_DAYS = 56;

/** Days from `from` to `to` (ISO dates). */
export const daysBetween = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** The ISO date `days` after `from`. */
export const addDays = (from: string, days: number): string => new Date(Date.parse(`${from}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
