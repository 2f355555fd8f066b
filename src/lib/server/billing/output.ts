import { z } from 'zod';
import { day, id, int } from '$lib/server/http/output-fields';
import { currencies } from '$lib/billing';

/** The billing API's answers (issue 16): amounts are integers in minor units of their currency (cents, öre). */
const currency = z.enum(currencies);
const minor = int.describe('Minor units of the currency (cents, öre).');

export const standingOutput = z
	.discriminatedUnion('state', [
		z.strictObject({
			state: z.literal('trial'),
			trialEndsOn: day.describe('The first day without the trial.'),
			userLimit: z.number().int().describe('How many people the trial covers.')
		}),
		z.strictObject({ state: z.literal('active') }),
		z.strictObject({ state: z.literal('not_billed') }),
		z.strictObject({ state: z.literal('lapsed'), reason: z.enum(['trial_ended', 'ended', 'unpaid']), since: day })
	])
	.describe('Lapsed: no new round can start (results stay readable).');

export const subscriptionOutput = z.strictObject({
	plan: z.enum(['trial', 'subscription']),
	trialEndsOn: day.nullable(),
	currency: currency.nullable(),
	unitPriceMinor: minor.nullable().describe('Per user and month.'),
	periodStart: day.nullable(),
	periodEnd: day.nullable().describe('The period is [periodStart, periodEnd): periodEnd is its first day after.'),
	endsOn: day.nullable(),
	nextBillingOn: day.nullable()
});

const line = z.strictObject({
	fromOn: day,
	toOn: day,
	days: int,
	periodDays: int,
	users: int,
	unitPrice: minor.describe('Per user and month.'),
	amount: minor.describe('users × unitPrice × 12 × days ÷ periodDays, rounded half away from zero.')
});
const vatTreatment = z.enum(['standard', 'reverse_charge', 'outside_eu']);

const preview = z.strictObject({
	issueOn: day,
	reason: z.enum(['period', 'additions']),
	period: z.strictObject({ start: day, end: day }),
	currency,
	lines: z.array(line),
	vatTreatment,
	vatRateBp: int.describe('Basis points: 2500 = 25 %.'),
	netMinor: minor,
	vatMinor: minor,
	totalMinor: minor
});

export const billingOutput = z.strictObject({
	standing: standingOutput,
	subscription: subscriptionOutput.nullable(),
	countedUsers: int.describe('People with a role in the organization in the current period (now, outside a subscription). The admin page lists who.'),
	minimumUsers: int,
	trialUserLimit: int,
	nextInvoices: z
		.array(preview)
		.describe('What billing would issue at its next date with the users now (two at a renewal); empty on a trial or without a subscription.')
});

export const invoiceSummaryOutput = z.strictObject({
	id,
	number: int,
	kind: z.enum(['invoice', 'credit_note']),
	reason: z.enum(['period', 'additions', 'credit']),
	status: z.enum(['credit_note', 'credited', 'paid', 'open', 'overdue']),
	issuedOn: day,
	dueOn: day,
	periodStart: day,
	periodEnd: day,
	currency,
	netMinor: minor,
	vatMinor: minor,
	totalMinor: minor,
	vatTreatment,
	paymentReference: z.string().describe('OCR for SEK (bankgiro), RF creditor reference for EUR.'),
	paidOn: day.nullable(),
	creditsNumber: int.nullable().describe('A credit note: the number of the invoice it cancels.'),
	creditedBy: int.nullable().describe('An invoice: the number of the credit note that cancelled it.'),
	eInvoice: z.boolean().describe('A Peppol BIS Billing 3.0 e-invoice is available.')
});
export const invoiceListOutput = z.strictObject({ invoices: z.array(invoiceSummaryOutput) });

const party = z.record(z.string(), z.string());
export const invoiceOutput = z.strictObject({
	...invoiceSummaryOutput.shape,
	language: z.enum(['en', 'sv']),
	vatRateBp: int,
	vatSek: z
		.strictObject({ rateE4: int.describe('SEK per EUR × 10 000: 112345 = 11.2345.'), vatMinor: minor.describe('The VAT in öre.') })
		.nullable()
		.describe('Swedish VAT on an invoice in EUR, also stated in SEK at the rate it was issued with; null otherwise.'),
	seller: party.describe('The seller as printed on the invoice.'),
	buyer: party.describe('The buyer as printed on the invoice.'),
	lines: z.array(line.extend({ position: int }))
});

/** The operator's views (a signed-in operator only): every organization's billing, and the invoices of a range. */
export const operatorBillingOutput = z.strictObject({
	organizations: z.array(
		z.strictObject({
			id,
			name: z.string(),
			isDemo: z.boolean(),
			standing: standingOutput,
			subscription: subscriptionOutput.nullable(),
			open: z.array(z.strictObject({ currency, amountMinor: minor })).describe('Owed now: invoices neither paid nor credited, per currency.')
		})
	)
});
export const operatorInvoiceListOutput = z.strictObject({
	from: day,
	to: day.describe('Included.'),
	invoices: z.array(invoiceSummaryOutput.extend({ organizationId: id, organizationName: z.string() }))
});
