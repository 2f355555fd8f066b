import type { OutputName } from './outputs';

/** The billing part of the OpenAPI document (issue 16): the organization's plan, its next invoice, its invoices. */
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const ok = (name: OutputName) => ({ '200': { description: 'OK', content: { 'application/json': { schema: ref(name) } } } });
const errors = (...codes: number[]) => Object.fromEntries(codes.map((c) => [String(c), { $ref: `#/components/responses/E${c}` }]));
const admins = 'Admins (or an admin’s API token) only. Amounts are integers in minor units of their currency.';

export function billingPaths() {
	return {
		'/billing': {
			get: {
				summary: 'Plan, standing and the next invoice',
				description: `Where the organization stands (trial, subscription, lapsed and why, or not billed), how many users count in the current period, and what the next invoice would hold if issued at its date with the users now, VAT as it would apply. ${admins}`,
				operationId: 'getBilling',
				responses: { ...ok('Billing'), ...errors(401, 403) }
			}
		},
		'/billing/invoices': {
			get: {
				summary: 'List invoices and credit notes',
				description: `Newest first, without lines or the parties’ details. The PDF of each is at /app/billing/invoices/{id}.pdf, its e-invoice (when \`eInvoice\`) at /app/billing/invoices/{id}.xml. ${admins}`,
				operationId: 'listInvoices',
				responses: { ...ok('InvoiceList'), ...errors(401, 403) }
			}
		},
		'/billing/invoices/{id}': {
			parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
			get: {
				summary: 'Get an invoice or credit note',
				description: `As issued: seller, buyer, lines, VAT and totals. An invoice never changes but for being marked paid; a wrong one is cancelled by a credit note. ${admins}`,
				operationId: 'getInvoice',
				responses: { ...ok('Invoice'), ...errors(401, 403, 404) }
			}
		}
	};
}
