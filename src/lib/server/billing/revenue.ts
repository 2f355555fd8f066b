import { sql } from 'kysely';
import { db, type Db } from '$lib/server/db';
import { currencies, type Currency } from '$lib/billing';
import { addMonths } from './dates';

/** Invoiced net per month of issue, per currency: one value per month of the range, credit notes counted negative. */
export interface Revenue {
	/** 'YYYY-MM', oldest first. */
	months: string[];
	series: { currency: Currency; values: number[]; totalMinor: number }[];
}

/** The months from `from`'s to the one before `to`'s ('YYYY-MM-DD' each, `to` excluded). */
export function monthsOf(range: { from: string; to: string }): string[] {
	const out: string[] = [];
	for (let d = `${range.from.slice(0, 7)}-01`; d < range.to; d = addMonths(d, 1)) out.push(d.slice(0, 7));
	return out;
}

/**
 * The operator's revenue by month, across every organization: the net (without VAT, which is not SOS's)
 * of the invoices and credit notes issued in [from, to). A currency with nothing issued in the range is left out.
 */
export async function revenueByMonth(range: { from: string; to: string }, executor: Db = db()): Promise<Revenue> {
	const rows = await executor
		.selectFrom('invoices')
		.select(['currency', sql<string>`to_char(issued_on, 'YYYY-MM')`.as('month'), (eb) => eb.fn.sum<string>('net_minor').as('net')])
		.where('issued_on', '>=', range.from)
		.where('issued_on', '<', range.to)
		.groupBy(['currency', sql`to_char(issued_on, 'YYYY-MM')`])
		.execute();
	const months = monthsOf(range);
	const series = currencies
		.filter((c) => rows.some((r) => r.currency === c))
		.map((currency) => {
			const values = months.map((m) => Number(rows.find((r) => r.currency === currency && r.month === m)?.net ?? 0));
			return { currency, values, totalMinor: values.reduce((s, v) => s + v, 0) };
		});
	return { months, series };
}
