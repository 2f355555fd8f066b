import { z } from 'zod';
import { db, type Db } from '$lib/server/db';
import { fields, parse } from '$lib/server/validation';
import { recordAudit } from '$lib/server/audit/record';
import { invoiceLanguages, type InvoiceLanguage, type VatTreatment } from '$lib/billing';
import { billingSettings } from './settings';
import { EU_COUNTRIES, isValidVatFormat, normalizeVatNumber, vatTreatment } from './vat';

/** The buyer's details an admin keeps for the organization's invoices. */
export interface BillingAccount {
	legalName: string;
	address: string;
	country: string;
	vatNumber: string;
	contactName: string;
	contactEmail: string;
	language: InvoiceLanguage;
	peppolId: string;
}

/** How VAT would apply with these details, and whether an EU VAT number outside Sweden has a valid format. */
export interface VatStatus {
	treatment: VatTreatment;
	rateBp: number;
	/** Only for an EU country other than Sweden with a VAT number given: whether its format is valid. */
	validFormat: boolean | null;
}

/** The organization's billing details: saved ones, or its name, country and a language by country until an admin saves any. */
export async function billingAccount(organizationId: string, executor: Db = db()): Promise<{ account: BillingAccount; saved: boolean }> {
	const org = await executor.selectFrom('organizations').select(['name', 'country']).where('id', '=', organizationId).executeTakeFirstOrThrow();
	const a = await executor.selectFrom('billing_accounts').selectAll().where('organization_id', '=', organizationId).executeTakeFirst();
	return {
		saved: !!a,
		account: {
			legalName: a?.legal_name || org.name,
			address: a?.address ?? '',
			country: a?.country ?? org.country,
			vatNumber: a?.vat_number ?? '',
			contactName: a?.contact_name ?? '',
			contactEmail: a?.contact_email ?? '',
			language: a?.language ?? (org.country === 'SE' ? 'sv' : 'en'),
			peppolId: a?.peppol_id ?? ''
		}
	};
}

export function vatStatus(country: string, vatNumber: string, swedishRateBp: number): VatStatus {
	const eu = EU_COUNTRIES.has(country) && country !== 'SE';
	return { ...vatTreatment(country, vatNumber, swedishRateBp), validFormat: eu && vatNumber ? isValidVatFormat(country, vatNumber) : null };
}

const line = (max: number) =>
	z
		.string()
		.trim()
		.max(max, `At most ${max} characters`)
		.regex(/^[^\u0000-\u0008\u000b-\u001f\u007f]*$/, 'Contains control characters');

export const billingAccountInput = z.strictObject({
	legalName: fields.name.max(200, 'At most 200 characters'),
	address: line(500).min(1, 'Required'),
	country: z
		.string()
		.trim()
		.toUpperCase()
		.regex(/^[A-Z]{2}$/, 'Use a two-letter country code, e.g. SE'),
	vatNumber: line(30)
		.transform(normalizeVatNumber)
		.pipe(z.string().regex(/^[A-Z0-9]*$/, 'Only letters and digits')),
	contactName: fields.name,
	contactEmail: fields.email,
	language: z.enum(invoiceLanguages, { message: 'Must be en or sv' }),
	/** A Peppol participant id "scheme:id", the scheme an ISO 6523 ICD code (0007 is a Swedish organization number). */
	peppolId: line(60).pipe(z.string().regex(/^(\d{4}:[A-Za-z0-9][A-Za-z0-9.:_-]*)?$/, 'Write it as scheme:id, e.g. 0007:5560000000'))
});

/** An admin saves the billing details; the next invoice uses them (issued ones keep theirs). Audit-logged, without the details themselves. */
export async function saveBillingAccount(opts: { actor: string; organizationId: string; input: unknown }, executor: Db = db()): Promise<VatStatus> {
	const input = parse(billingAccountInput, opts.input);
	const row = {
		legal_name: input.legalName,
		address: input.address,
		country: input.country,
		vat_number: input.vatNumber,
		contact_name: input.contactName,
		contact_email: input.contactEmail,
		language: input.language,
		peppol_id: input.peppolId,
		updated_at: new Date()
	};
	const { vatRateBp } = await billingSettings(executor);
	const status = vatStatus(input.country, input.vatNumber, vatRateBp);
	await executor.transaction().execute(async (trx) => {
		await trx
			.insertInto('billing_accounts')
			.values({ organization_id: opts.organizationId, ...row })
			.onConflict((oc) => oc.column('organization_id').doUpdateSet(row))
			.execute();
		await recordAudit(
			{
				organizationId: opts.organizationId,
				actor: opts.actor,
				action: 'billing_details_changed',
				details: { country: input.country, vat: status.treatment, language: input.language, eInvoice: input.peppolId !== '' }
			},
			trx
		);
	});
	return status;
}
