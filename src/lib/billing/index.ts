/** Billing's shared vocabulary (issue 16): what pages, the API and the server all name the same way. */

export const currencies = ['EUR', 'SEK'] as const;
export type Currency = (typeof currencies)[number];

export const invoiceLanguages = ['en', 'sv'] as const;
export type InvoiceLanguage = (typeof invoiceLanguages)[number];

export type Plan = 'trial' | 'subscription';
export type InvoiceKind = 'invoice' | 'credit_note';
export type InvoiceReason = 'period' | 'additions' | 'credit';

/**
 * How VAT applies to a buyer: Swedish VAT (a Swedish buyer, or an EU buyer without a VAT number of valid
 * format), reverse charge (an EU business outside Sweden with one), or none (outside the EU).
 */
export type VatTreatment = 'standard' | 'reverse_charge' | 'outside_eu';

/** The seller's details the operator sets; every invoice keeps a copy as it was when issued. */
export interface Seller {
	name: string;
	address: string;
	country: string;
	organizationNumber: string;
	vatNumber: string;
	email: string;
	bankgiro: string;
	iban: string;
	bic: string;
}

/** The buyer's details as an invoice keeps them. */
export interface Buyer {
	organizationName: string;
	legalName: string;
	address: string;
	country: string;
	vatNumber: string;
	contactName: string;
	contactEmail: string;
	peppolId: string;
}

/**
 * Where an organization stands: on a trial, subscribed, not billed (no subscription record: organizations
 * from before billing and complimentary ones), or lapsed — with why.
 */
export type Standing =
	| { state: 'trial'; trialEndsOn: string; userLimit: number }
	| { state: 'active' }
	| { state: 'not_billed' }
	| { state: 'lapsed'; reason: 'trial_ended' | 'ended' | 'unpaid'; since: string };

/**
 * What an admin is told on every page of the application about billing, when there is something to act
 * on: the organization is lapsed, its trial ends soon, or an invoice is overdue and the lapse is coming.
 */
export type BillingBanner =
	| { kind: 'lapsed'; reason: 'trial_ended' | 'ended' | 'unpaid'; since: string }
	| { kind: 'trial_ending'; endsOn: string; days: number }
	| { kind: 'overdue'; number: number; dueOn: string; lapsesOn: string };
