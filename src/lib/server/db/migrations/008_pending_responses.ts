import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
	await sql`
	-- A submitted answer waits here, sealed (AES-256-GCM under a key that is not in the database), until it
	-- is mixed into responses with at least k others of its round. The row shares its transaction id with
	-- its invitation's completion, so it carries nothing readable: no unit, role, answer or time.
	CREATE TABLE pending_responses (
		organization_id uuid NOT NULL,
		round_id uuid NOT NULL,
		id uuid NOT NULL DEFAULT gen_random_uuid(),
		sealed bytea NOT NULL,
		PRIMARY KEY (organization_id, round_id, id),
		FOREIGN KEY (organization_id, round_id) REFERENCES rounds(organization_id, id) ON DELETE CASCADE
	);
	-- Ciphertext does not compress: store it as it is.
	ALTER TABLE pending_responses ALTER COLUMN sealed SET STORAGE EXTERNAL;
	-- Each invitation's frozen unit and job role, sealed at launch: the submit statement puts it in front of
	-- the sealed answers (pending_responses.sealed = sealed identity || sealed answers), so the server need
	-- not read the invitation before submitting. Invitations made before this version have none (their
	-- submits read the invitation first).
	ALTER TABLE invitations ADD COLUMN sealed_identity bytea;

	-- Responses written before this version share their transaction id (and their physical order) with
	-- their invitations' completion: rewrite them all, in a random order, with new random ids, so that
	-- they share this one transaction id instead. (The old row versions go with the next vacuum.)
	WITH old AS (DELETE FROM responses RETURNING *)
	INSERT INTO responses (organization_id, round_id, id, unit_id, job_role, answers, area_scores, question_answers)
	SELECT organization_id, round_id, gen_random_uuid(), unit_id, job_role, answers, area_scores, question_answers
	FROM old ORDER BY gen_random_uuid();
	`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
	await sql`DROP TABLE pending_responses; ALTER TABLE invitations DROP COLUMN sealed_identity`.execute(db);
}
