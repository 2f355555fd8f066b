import type { KpiValueInput } from './input';
import { readFigure } from './import-cells';

/** One month's cells as the form sent them: what is typed now, and what the page showed. */
export interface EntryCells {
	month: string;
	plan: string;
	planWas: string;
	actual: string;
	actualWas: string;
}

/**
 * The values a hand-entry form changes (pure): a cell left as the page showed it is not sent; one
 * emptied is cleared (null); one typed is read as the import reads it ("1 234,5" is 1234.5). Each value
 * keeps the month and field its errors belong to.
 */
export function changedValues(
	cells: readonly EntryCells[],
	target: { kpi: string; unit?: string; person?: string }
): { values: KpiValueInput[]; months: string[] } {
	const values: KpiValueInput[] = [];
	const months: string[] = [];
	for (const c of cells) {
		const plan = cellChange(c.plan, c.planWas);
		const actual = cellChange(c.actual, c.actualWas);
		if (plan === undefined && actual === undefined) continue;
		values.push({ kpi: target.kpi, unit: target.unit, person: target.person, month: c.month, plan, actual } as KpiValueInput);
		months.push(c.month);
	}
	return { values, months };
}

function cellChange(typed: string, was: string): string | null | undefined {
	if (typed.trim() === was.trim()) return undefined;
	return readFigure(typed) ?? (was.trim() === '' ? undefined : null);
}
