import { sql, type Kysely } from 'kysely';

/**
 * Subscriptions and invoices (issue 16): SOS's own business, per user and month.
 *
 * - billing_settings: the operator's one row — the seller's details (NULL until set: no invoice before),
 *   payment terms, minimum users, trial terms, days after the due date an unpaid invoice lapses the
 *   organization, the Swedish VAT rate (basis points). price_lists: the price per user and month per currency.
 * - billing_accounts: the buyer's details an admin keeps (address, VAT number, invoice language, Peppol id).
 * - subscriptions: one per organization; none means "not billed" (organizations from before billing, and
 *   complimentary ones). A trial ends on trial_ends_on and covers trial_user_limit people (the terms when it began); a subscription runs in 12-month periods
 *   [period_start, period_end), renewing unless ends_on is set; next_billing_on is when the billing job looks next.
 * - billable_presence: who had a role in the organization when — kept by triggers on users, so every way a
 *   person is added or removed (form, import, API) counts. A person is their email within the organization.
 * - invoices and credit notes share one gapless number sequence (invoice_counter, taken inside the issuing
 *   transaction). An issued document never changes but for being marked paid, and is never deleted.
 * - billing_notices: which trial and renewal emails were sent (each once).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql`
	CREATE TABLE billing_settings (
		id boolean PRIMARY KEY DEFAULT true CHECK (id),
		seller jsonb,
		payment_terms_days integer NOT NULL DEFAULT 30 CHECK (payment_terms_days BETWEEN 0 AND 120),
		minimum_users integer NOT NULL DEFAULT 5 CHECK (minimum_users BETWEEN 1 AND 1000),
		trial_months integer NOT NULL DEFAULT 2 CHECK (trial_months BETWEEN 0 AND 12),
		trial_user_limit integer NOT NULL DEFAULT 30 CHECK (trial_user_limit BETWEEN 1 AND 100000),
		lapse_after_days integer NOT NULL DEFAULT 30 CHECK (lapse_after_days BETWEEN 0 AND 365),
		vat_rate_bp integer NOT NULL DEFAULT 2500 CHECK (vat_rate_bp BETWEEN 0 AND 10000),
		updated_at timestamptz NOT NULL DEFAULT now(),
		updated_by text
	);
	INSERT INTO billing_settings DEFAULT VALUES;

	CREATE TABLE price_lists (
		currency text PRIMARY KEY CHECK (currency IN ('EUR', 'SEK')),
		unit_price_minor integer NOT NULL CHECK (unit_price_minor BETWEEN 1 AND 10000000),
		updated_at timestamptz NOT NULL DEFAULT now(),
		updated_by text
	);
	INSERT INTO price_lists (currency, unit_price_minor) VALUES ('EUR', 400), ('SEK', 3900);

	CREATE TABLE billing_accounts (
		organization_id uuid PRIMARY KEY REFERENCES organizations(id) ON DELETE CASCADE,
		legal_name text NOT NULL DEFAULT '',
		address text NOT NULL DEFAULT '',
		country text NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
		vat_number text NOT NULL DEFAULT '',
		contact_name text NOT NULL DEFAULT '',
		contact_email text NOT NULL DEFAULT '',
		language text NOT NULL DEFAULT 'en' CHECK (language IN ('en', 'sv')),
		peppol_id text NOT NULL DEFAULT '',
		updated_at timestamptz NOT NULL DEFAULT now()
	);

	CREATE TABLE subscriptions (
		organization_id uuid PRIMARY KEY REFERENCES organizations(id) ON DELETE CASCADE,
		plan text NOT NULL CHECK (plan IN ('trial', 'subscription')),
		trial_ends_on date,
		trial_user_limit integer CHECK (trial_user_limit > 0),
		currency text CHECK (currency IN ('EUR', 'SEK')),
		unit_price_minor integer CHECK (unit_price_minor > 0),
		period_start date,
		period_end date,
		ends_on date,
		next_billing_on date,
		updated_at timestamptz NOT NULL DEFAULT now(),
		CONSTRAINT subscriptions_trial CHECK ((plan = 'trial') = (trial_ends_on IS NOT NULL AND trial_user_limit IS NOT NULL)),
		CONSTRAINT subscriptions_period CHECK (
			(plan = 'subscription') = (currency IS NOT NULL AND unit_price_minor IS NOT NULL AND period_start IS NOT NULL AND period_end > period_start)
		)
	);
	CREATE INDEX subscriptions_next_billing ON subscriptions (next_billing_on) WHERE plan = 'subscription';

	CREATE TABLE billable_presence (
		organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
		id bigserial,
		email text NOT NULL,
		from_at timestamptz NOT NULL DEFAULT now(),
		until_at timestamptz,
		PRIMARY KEY (organization_id, id)
	);
	CREATE INDEX billable_presence_open ON billable_presence (organization_id, email) WHERE until_at IS NULL;
	INSERT INTO billable_presence (organization_id, email, from_at) SELECT organization_id, lower(email), created_at FROM users;

	CREATE FUNCTION billable_presence_track() RETURNS trigger LANGUAGE plpgsql AS $$
	BEGIN
		IF TG_OP = 'INSERT' THEN
			INSERT INTO billable_presence (organization_id, email) VALUES (NEW.organization_id, lower(NEW.email));
		ELSIF TG_OP = 'DELETE' THEN
			UPDATE billable_presence SET until_at = now()
			WHERE organization_id = OLD.organization_id AND email = lower(OLD.email) AND until_at IS NULL;
		ELSE -- a new email address: the same person
			UPDATE billable_presence SET email = lower(NEW.email)
			WHERE organization_id = OLD.organization_id AND email = lower(OLD.email) AND until_at IS NULL;
		END IF;
		RETURN NULL;
	END $$;
	CREATE TRIGGER billable_presence_added AFTER INSERT OR DELETE ON users FOR EACH ROW EXECUTE FUNCTION billable_presence_track();
	CREATE TRIGGER billable_presence_renamed AFTER UPDATE OF email ON users FOR EACH ROW
		WHEN (lower(OLD.email) IS DISTINCT FROM lower(NEW.email)) EXECUTE FUNCTION billable_presence_track();

	CREATE TABLE invoice_counter (id boolean PRIMARY KEY DEFAULT true CHECK (id), last_number bigint NOT NULL DEFAULT 0);
	INSERT INTO invoice_counter DEFAULT VALUES;

	CREATE TABLE invoices (
		organization_id uuid NOT NULL REFERENCES organizations(id),
		id uuid NOT NULL DEFAULT gen_random_uuid(),
		number bigint NOT NULL,
		kind text NOT NULL CHECK (kind IN ('invoice', 'credit_note')),
		reason text NOT NULL CHECK (reason IN ('period', 'additions', 'credit')),
		credits_id uuid,
		issued_on date NOT NULL,
		due_on date NOT NULL,
		period_start date NOT NULL,
		period_end date NOT NULL,
		currency text NOT NULL CHECK (currency IN ('EUR', 'SEK')),
		language text NOT NULL CHECK (language IN ('en', 'sv')),
		seller jsonb NOT NULL,
		buyer jsonb NOT NULL,
		vat_treatment text NOT NULL CHECK (vat_treatment IN ('standard', 'reverse_charge', 'outside_eu')),
		vat_rate_bp integer NOT NULL,
		net_minor bigint NOT NULL,
		vat_minor bigint NOT NULL,
		total_minor bigint NOT NULL CHECK (total_minor = net_minor + vat_minor),
		payment_reference text NOT NULL,
		e_invoice boolean NOT NULL DEFAULT false,
		paid_on date,
		paid_by text,
		created_by text NOT NULL,
		created_at timestamptz NOT NULL DEFAULT now(),
		PRIMARY KEY (organization_id, id),
		-- Numbers are unique across organizations by the counter; a unique index can only hold within
		-- one (Citus: organization_id in every unique index). The tests check the whole sequence.
		UNIQUE (organization_id, number),
		UNIQUE (organization_id, credits_id),
		CONSTRAINT invoices_credit CHECK ((kind = 'credit_note') = (credits_id IS NOT NULL) AND (kind = 'credit_note') = (reason = 'credit')),
		FOREIGN KEY (organization_id, credits_id) REFERENCES invoices(organization_id, id)
	);
	CREATE INDEX invoices_period ON invoices (organization_id, period_start);

	CREATE TABLE invoice_lines (
		organization_id uuid NOT NULL,
		invoice_id uuid NOT NULL,
		position integer NOT NULL,
		from_on date NOT NULL,
		to_on date NOT NULL,
		days integer NOT NULL CHECK (days > 0),
		period_days integer NOT NULL CHECK (period_days >= days),
		users integer NOT NULL,
		unit_price_minor integer NOT NULL,
		amount_minor bigint NOT NULL,
		PRIMARY KEY (organization_id, invoice_id, position),
		FOREIGN KEY (organization_id, invoice_id) REFERENCES invoices(organization_id, id)
	);

	CREATE FUNCTION invoices_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
	BEGIN
		IF TG_OP = 'UPDATE' AND TG_TABLE_NAME = 'invoices'
			AND (to_jsonb(NEW) - 'paid_on' - 'paid_by') = (to_jsonb(OLD) - 'paid_on' - 'paid_by') THEN
			RETURN NEW;
		END IF;
		RAISE EXCEPTION 'an issued invoice or credit note is never changed or deleted (issue a credit note)' USING ERRCODE = 'restrict_violation';
	END $$;
	CREATE TRIGGER invoices_immutable BEFORE UPDATE OR DELETE ON invoices FOR EACH ROW EXECUTE FUNCTION invoices_immutable();
	CREATE TRIGGER invoice_lines_immutable BEFORE UPDATE OR DELETE ON invoice_lines FOR EACH ROW EXECUTE FUNCTION invoices_immutable();

	CREATE TABLE billing_notices (
		organization_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
		key text NOT NULL,
		sent_at timestamptz NOT NULL DEFAULT now(),
		PRIMARY KEY (organization_id, key)
	);`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await sql`
	DROP TABLE billing_notices;
	DROP TABLE invoice_lines;
	DROP TABLE invoices;
	DROP FUNCTION invoices_immutable();
	DROP TABLE invoice_counter;
	DROP TRIGGER billable_presence_renamed ON users;
	DROP TRIGGER billable_presence_added ON users;
	DROP FUNCTION billable_presence_track();
	DROP TABLE billable_presence;
	DROP TABLE subscriptions;
	DROP TABLE billing_accounts;
	DROP TABLE price_lists;
	DROP TABLE billing_settings;`.execute(db);
}
