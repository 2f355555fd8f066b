import { sql, type Kysely } from 'kysely';

/**
 * Models as data the operator manages (issue 15; src/lib/server/models/upload.ts, publish.ts).
 *
 * - model_versions: a model version the operator uploaded as one bundle file (the structure and every
 *   translation, validated as the files under models/ are). A draft can be replaced or deleted; a
 *   published version may be pinned by rounds, so the database itself refuses to change or delete it
 *   (the trigger below), whatever the code does. Operator-global, like benchmark_versions.
 * - operator_settings: one row; the model id new rounds default to (null: SOS_DEFAULT_MODEL, else 'sos').
 */
export async function up(db: Kysely<unknown>): Promise<void> {
	await sql`
	CREATE TABLE model_versions (
		model_id text NOT NULL CHECK (model_id ~ '^[a-z][a-z0-9_-]{0,39}$'),
		version text NOT NULL CHECK (version ~ '^\\d{1,4}(\\.\\d{1,4}){0,2}$'),
		status text NOT NULL CHECK (status IN ('draft', 'published')),
		bundle jsonb NOT NULL,
		file_name text NOT NULL,
		uploaded_by text NOT NULL,
		uploaded_at timestamptz NOT NULL DEFAULT now(),
		published_at timestamptz,
		published_by text,
		PRIMARY KEY (model_id, version),
		CHECK ((status = 'published') = (published_at IS NOT NULL AND published_by IS NOT NULL))
	);

	CREATE FUNCTION model_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
	BEGIN
		IF OLD.status = 'published' THEN
			RAISE EXCEPTION 'model version %@% is published and cannot be changed or deleted', OLD.model_id, OLD.version
				USING ERRCODE = 'restrict_violation';
		END IF;
		IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
		RETURN NEW;
	END $$;
	CREATE TRIGGER model_versions_immutable BEFORE UPDATE OR DELETE ON model_versions
		FOR EACH ROW EXECUTE FUNCTION model_versions_immutable();
	CREATE FUNCTION model_versions_no_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
	BEGIN
		RAISE EXCEPTION 'model_versions holds published versions and cannot be truncated' USING ERRCODE = 'restrict_violation';
	END $$;
	CREATE TRIGGER model_versions_no_truncate BEFORE TRUNCATE ON model_versions
		FOR EACH STATEMENT EXECUTE FUNCTION model_versions_no_truncate();

	CREATE TABLE operator_settings (
		id boolean PRIMARY KEY DEFAULT true CHECK (id),
		default_model_id text CHECK (default_model_id ~ '^[a-z][a-z0-9_-]{0,39}$'),
		updated_by text,
		updated_at timestamptz NOT NULL DEFAULT now()
	);
	`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await sql`
	DROP TABLE operator_settings;
	DROP TABLE model_versions;
	DROP FUNCTION model_versions_no_truncate();
	DROP FUNCTION model_versions_immutable();`.execute(db);
}
