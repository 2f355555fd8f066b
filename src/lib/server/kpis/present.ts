import type { KpiRow } from './definitions';

/** A stored month (YYYY-MM-01) as the API names it (YYYY-MM). */
export const monthOfDay = (day: string) => day.slice(0, 7);

export const presentKpi = (k: KpiRow) => ({ id: k.id, definition: k.definition });

export const presentValue = <T extends { month: string }>(v: T) => ({ ...v, month: monthOfDay(v.month) });
