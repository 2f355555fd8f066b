import { sql } from 'kysely';
import { recordAudit } from '$lib/server/audit/record';
import type { Actor } from '$lib/server/auth/actor';
import { db, type Db } from '$lib/server/db';
import { ConflictError, DomainError, NotFoundError, ValidationError } from '$lib/server/errors';
import { fields } from '$lib/server/validation';
import { createMissingUnits, recordAccessChanges, upsertUsers, writeUnitAttributes } from './apply-writes';
import type { ParsedUserFile } from './parse';
import { withImportLock } from './lock';
import { assertTrialRoom } from '$lib/server/billing/limits';
import { assertMayImportUsers } from './policy';
import { loadImportState } from './state';
import type { ImportCounts } from './types';
import { validateUserRows, type ValidationOutcome } from './validate';

export interface AppliedCounts extends ImportCounts {
	/** Existing users whose access or viewer scope changed (one audit event each). */
	accessChanged: number;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function revalidate(file: ParsedUserFile, state: Awaited<ReturnType<typeof loadImportState>>): ValidationOutcome {
	let outcome: ValidationOutcome;
	try {
		outcome = validateUserRows({ header: file.header, rows: file.rows, ...state });
	} catch (err) {
		if (err instanceof ValidationError) {
			throw new ConflictError('import_outdated', `The organization's settings changed since the preview: ${err.message} Nothing was imported.`);
		}
		throw err;
	}
	const bad = outcome.preview.counts.errors;
	if (bad > 0) {
		throw new ConflictError(
			'import_outdated',
			`The users changed since the preview and ${plural(bad, 'row')} of the file now ${bad === 1 ? 'has' : 'have'} errors. Upload the file again to see them; nothing was imported.`
		);
	}
	return outcome;
}

async function applyLocked(opts: { organizationId: string; importId: string; actor: Actor; ip: string | null }, executor: Db = db()): Promise<AppliedCounts> {
	const { organizationId, importId } = opts;
	// One import at a time per organization: while another preview or apply runs, this one is refused.
	return withImportLock(
		organizationId,
		async (trx) => {
			const row = await trx
				.selectFrom('user_imports')
				.select([
					'applied_at',
					'error_count',
					'file_name',
					sql<boolean>`created_at < now() - interval '1 hour'`.as('expired'),
					sql<ParsedUserFile>`preview -> 'file'`.as('file')
				])
				.where('organization_id', '=', organizationId)
				.where('id', '=', importId)
				.forUpdate()
				.executeTakeFirst();
			if (!row) throw new NotFoundError('import');
			if (row.applied_at) throw new ConflictError('import_already_applied', 'This import has already been applied.');
			if (row.error_count > 0) {
				throw new ValidationError(`The file has ${plural(row.error_count, 'row')} with errors. Fix them and upload the file again; nothing was imported.`);
			}
			if (row.expired)
				throw new ConflictError('import_expired', 'This preview is more than an hour old. Upload the file again to see what it would change now.');

			const state = await loadImportState({ organizationId }, trx);
			const { preview, records } = revalidate(row.file, state);
			const newUnits = await createMissingUnits(trx, { organizationId, records, unitIdByKey: state.unitIdByKey });
			await writeUnitAttributes(trx, { organizationId, records, unitIdByKey: state.unitIdByKey });
			const changed = records.filter((r) => r.action !== 'unchanged');
			await assertTrialRoom({ organizationId, adding: changed.filter((r) => r.action === 'create').length }, trx);
			const written = await upsertUsers(trx, { organizationId, records: changed, unitIdByKey: state.unitIdByKey });
			const accessChanged = await recordAccessChanges(trx, { organizationId, actor: opts.actor.label, ip: opts.ip, importId, written });
			await trx
				.updateTable('user_imports')
				.set({ applied_at: sql`now()` })
				.where('organization_id', '=', organizationId)
				.where('id', '=', importId)
				.execute();
			const counts: AppliedCounts = { ...preview.counts, newUnits, accessChanged };
			await recordAudit(
				{ organizationId, actor: opts.actor.label, action: 'import_applied', target: row.file_name, details: { importId, ...counts }, ip: opts.ip },
				trx
			);
			return counts;
		},
		executor
	);
}

/**
 * Applies a previewed import in one transaction: creates the missing units level by level and
 * inserts or updates the users by email. Re-checks the file against the current data first and
 * refuses (nothing written) when it has errors, was applied already or is more than an hour old, and
 * (ConflictError `import_running`) while another preview or apply of the organization runs.
 */
export async function applyUserImport(
	opts: { organizationId: string; importId: string; actor: Actor; ip?: string | null },
	executor: Db = db()
): Promise<AppliedCounts> {
	if (!fields.uuid.safeParse(opts.organizationId).success || !fields.uuid.safeParse(opts.importId).success) {
		throw new NotFoundError('import');
	}
	assertMayImportUsers(opts.actor, opts.organizationId);
	try {
		return await applyLocked({ ...opts, ip: opts.ip ?? null }, executor);
	} catch (err) {
		if (err instanceof DomainError) throw err;
		if (typeof err === 'object' && err !== null && 'code' in err && err.code === '23505') {
			throw new ConflictError('import_conflict', 'Someone changed the same users or units at the same moment. Nothing was imported; try again.');
		}
		throw err;
	}
}
