import type { OutputName } from './outputs';

/** The billing part of the OpenAPI document (issue 16): the organization's plan, its next invoice, its invoices. */
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const ok = (name: OutputName) => ({ '200': { description: 'OK', content: { 'application/json': { schema: ref(name) } } } });
const errors = (...codes: number[]) => Object.fromEntries(codes.map((c) => [String(c), { $ref: `#/components/responses/E${c}` }]));
const admins = 'Admins (or an admin’s API token) only. Amounts are integers in minor units of their currency.';
const operator = 'The SOS operator only, signed in (a browser session): API tokens belong to one organization and are refused here (403).';
const dayParam = (name: string, description: string) => ({ name, in: 'query', description, schema: { type: 'string', format: 'date' } });

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
		},
		'/operator/billing': {
			get: {
				summary: 'Every organization’s billing (operator)',
				description: `Each organization with its plan, its standing now and what it owes, customers first. ${operator}`,
				operationId: 'operatorBilling',
				security: [{ session: [] }],
				responses: { ...ok('OperatorBilling'), ...errors(401, 403) }
			}
		},
		'/operator/billing/invoices': {
			get: {
				summary: 'Invoices and credit notes of a date range (operator)',
				description: `Every organization’s, issued from \`from\` to \`to\` (both included; the last month and this one by default), by number. ${operator}`,
				operationId: 'operatorInvoices',
				security: [{ session: [] }],
				parameters: [dayParam('from', 'First day of issue.'), dayParam('to', 'Last day of issue (included).')],
				responses: { ...ok('OperatorInvoiceList'), ...errors(400, 401, 403) }
			}
		}
	};
}
