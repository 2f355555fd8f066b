import { db, type Db } from '$lib/server/db';
import type { Buyer, InvoiceLanguage } from '$lib/billing';

/** The buyer's details for an invoice: the admin's billing details, or the organization's name and country until there are any. */
export async function buyerOf(organizationId: string, executor: Db = db()): Promise<{ buyer: Buyer; language: InvoiceLanguage }> {
	const org = await executor.selectFrom('organizations').select(['name', 'country']).where('id', '=', organizationId).executeTakeFirstOrThrow();
	const a = await executor.selectFrom('billing_accounts').selectAll().where('organization_id', '=', organizationId).executeTakeFirst();
	return {
		language: a?.language ?? (org.country === 'SE' ? 'sv' : 'en'),
		buyer: {
			organizationName: org.name,
			legalName: a?.legal_name || org.name,
			address: a?.address ?? '',
			country: a?.country ?? org.country,
			vatNumber: a?.vat_number ?? '',
			contactName: a?.contact_name ?? '',
			contactEmail: a?.contact_email ?? '',
			peppolId: a?.peppol_id ?? ''
		}
	};
}
