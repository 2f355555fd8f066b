import { z } from 'zod';
import { db, type Db } from '$lib/server/db';
import { parse } from '$lib/server/validation';
import { recordAudit } from '$lib/server/audit/record';
import { ConflictError, NotFoundError } from '$lib/server/errors';
import { dateIn } from './dates';
import { issueDocument, type IssuedInvoice } from './issue';

/** The operator marks an invoice paid (on a date, today by default): a lapse for it lifts at once. */
export async function markInvoicePaid(
	opts: { actor: string; organizationId: string; invoiceId: string; input: unknown; now?: Date },
	executor: Db = db()
): Promise<void> {
	const { paidOn } = parse(
		z.strictObject({
			paidOn: z
				.string()
				.regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date such as 2027-01-31')
				.optional()
		}),
		opts.input
	);
	await executor.transaction().execute(async (trx) => {
		const inv = await trx
			.selectFrom('invoices')
			.select(['id', 'number', 'kind', 'paid_on'])
			.where('organization_id', '=', opts.organizationId)
			.where('id', '=', opts.invoiceId)
			.forUpdate()
			.executeTakeFirst();
		if (!inv) throw new NotFoundError('invoice');
		if (inv.kind !== 'invoice') throw new ConflictError('not_an_invoice', 'A credit note is not paid.');
		if (inv.paid_on) throw new ConflictError('already_paid', `Invoice ${inv.number} is already marked paid.`);
		await trx
			.updateTable('invoices')
			.set({ paid_on: paidOn ?? dateIn(opts.now ?? new Date()), paid_by: opts.actor })
			.where('organization_id', '=', opts.organizationId)
			.where('id', '=', inv.id)
			.execute();
		await recordAudit({ organizationId: opts.organizationId, actor: opts.actor, action: 'invoice_paid', target: `${inv.number}` }, trx);
	});
}

/**
 * The operator cancels a wrong invoice with a credit note (the invoice itself never changes): its lines
 * negated, with the next number. The seats it billed are then unbilled, so the next billing run (or
 * "Invoice now") bills them again with the details as they are then.
 */
export async function creditInvoice(
	opts: { actor: string; organizationId: string; invoiceId: string; now?: Date },
	executor: Db = db()
): Promise<IssuedInvoice> {
	return executor.transaction().execute(async (trx) => {
		const inv = await trx
			.selectFrom('invoices')
			.selectAll()
			.where('organization_id', '=', opts.organizationId)
			.where('id', '=', opts.invoiceId)
			.forUpdate()
			.executeTakeFirst();
		if (!inv) throw new NotFoundError('invoice');
		if (inv.kind !== 'invoice') throw new ConflictError('not_an_invoice', 'A credit note cannot be credited.');
		const done = await trx
			.selectFrom('invoices')
			.select('number')
			.where('organization_id', '=', opts.organizationId)
			.where('credits_id', '=', inv.id)
			.executeTakeFirst();
		if (done) throw new ConflictError('already_credited', `Invoice ${inv.number} is already credited by credit note ${done.number}.`);
		const lines = await trx
			.selectFrom('invoice_lines')
			.selectAll()
			.where('organization_id', '=', opts.organizationId)
			.where('invoice_id', '=', inv.id)
			.orderBy('position')
			.execute();
		return issueDocument(trx, {
			organizationId: opts.organizationId,
			reason: 'credit',
			credits: {
				id: inv.id,
				sekPerEurE4: inv.sek_per_eur_e4,
				seller: inv.seller,
				buyer: inv.buyer,
				language: inv.language,
				vat: { treatment: inv.vat_treatment, rateBp: inv.vat_rate_bp }
			},
			period: { start: inv.period_start, end: inv.period_end },
			currency: inv.currency,
			today: dateIn(opts.now ?? new Date()),
			actor: opts.actor,
			lines: lines.map((l) => ({
				fromOn: l.from_on,
				toOn: l.to_on,
				days: l.days,
				periodDays: l.period_days,
				users: l.users,
				unitPrice: l.unit_price_minor,
				amount: -l.amount_minor
			}))
		});
	});
}
