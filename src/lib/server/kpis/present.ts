import type { KpiRow } from './definitions';

/** A stored month (YYYY-MM-01) as the API names it (YYYY-MM). */
export const monthOfDay = (day: string) => day.slice(0, 7);

/** A KPI as the API gives it: its definition with its owner's email, so that what GET gives PUT takes back. */
export const presentKpi = (k: KpiRow) => ({ id: k.id, definition: { ...k.definition, owner: k.owner?.email ?? null } });

export const presentValue = <T extends { month: string }>(v: T) => ({ ...v, month: monthOfDay(v.month) });
