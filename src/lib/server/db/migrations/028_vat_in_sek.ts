import { sql, type Kysely } from 'kysely';

/**
 * Swedish VAT on an invoice in euros must also be stated in kronor. The operator keeps the exchange rate
 * (SEK per EUR, to four decimals, stored × 10 000); an EUR invoice with VAT keeps the rate it used and its
 * VAT in öre, so the document never changes when the rate does. Both are NULL where no VAT or no rate applied.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql`
	ALTER TABLE billing_settings ADD COLUMN sek_per_eur_e4 integer CHECK (sek_per_eur_e4 BETWEEN 1 AND 100000000);
	ALTER TABLE invoices
		ADD COLUMN sek_per_eur_e4 integer CHECK (sek_per_eur_e4 > 0),
		ADD COLUMN vat_sek_minor bigint,
		ADD CONSTRAINT invoices_vat_sek CHECK ((sek_per_eur_e4 IS NULL) = (vat_sek_minor IS NULL) AND (vat_sek_minor IS NULL OR currency = 'EUR'));
	`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await sql`
	ALTER TABLE invoices DROP CONSTRAINT invoices_vat_sek, DROP COLUMN vat_sek_minor, DROP COLUMN sek_per_eur_e4;
	ALTER TABLE billing_settings DROP COLUMN sek_per_eur_e4;
	`.execute(db);
}
