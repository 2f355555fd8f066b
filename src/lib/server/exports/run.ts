import { sql, type Updateable } from 'kysely';
import { db, type Db } from '$lib/server/db';
import type { ExportFormat, ReportExportsTable } from '$lib/server/db/schema';
import { isLocale, type Locale } from '$lib/i18n';
import { reportData, type ReportData } from '$lib/server/reports/data';
import { sendEmail } from '$lib/server/email/send';
import { exportReadyEmail } from '$lib/server/email/export-templates';
import { comparison } from '$lib/server/results/benchmark-choice';
import { FILE_TYPES, type CsvLayout } from './input';
import { currentRequester } from './requester';
import { exportFilename } from './filename';

/** A running export whose heartbeat is this old is taken to have died with its process. */
export const STALE_MINUTES = 5;
/** Attempts before an export that keeps dying is given up. */
export const MAX_ATTEMPTS = 3;
/** No report comes near this; a file above it is refused rather than stored. */
const MAX_BYTES = 50 * 1024 * 1024;

type Progress = (fraction: number) => void;
// Loaded on first use: the PDF, deck and workbook libraries take tens of MB that a server which never
// exports (or an instance busy with survey submissions) should not carry.
const renderers: Record<ExportFormat, (data: ReportData, onProgress: Progress, layout: CsvLayout) => Promise<Buffer>> = {
	pdf: async (d, onProgress) => (await import('$lib/server/reports/pdf')).renderPdf(d, { onProgress }),
	pptx: async (d, onProgress) => (await import('$lib/server/reports/deck')).renderDeck(d, { onProgress }),
	xlsx: async (d) => (await import('$lib/server/reports/xlsx')).renderXlsx(d),
	csv: async (d, _, layout) => {
		const csv = await import('$lib/server/reports/csv');
		return layout === 'wide' ? csv.renderWideCsv(d) : csv.renderCsv(d);
	}
};

/** Renders one report in one format (the benchmark measures this directly); `layout` shapes a CSV. */
export function renderReport(format: ExportFormat, data: ReportData, onProgress: Progress = () => {}, layout: CsvLayout = 'long'): Promise<Buffer> {
	return renderers[format](data, onProgress, layout);
}

/** A failure the requester may read as it is (never figures); anything else gets a plain sentence. */
class ExportRefused extends Error {}

const stale = () => new Date(Date.now() - STALE_MINUTES * 60_000);

/**
 * Makes one export, if it is still to be made: claims it (a queued one, or a running one whose heartbeat
 * stopped), reads the report data with the requester's rights as they are now, renders it with progress,
 * and stores the file. Every write after the claim is conditional on still holding it, so a worker that
 * was taken for dead cannot overwrite the one that took over. Returns whether it claimed the export.
 */
export async function runExport(opts: { exportId: string; origin: string }, executor: Db = db()): Promise<boolean> {
	const now = new Date();
	const job = await executor
		.updateTable('report_exports')
		.set({ status: 'running', started_at: now, heartbeat_at: now, progress: 0, attempts: sql`attempts + 1` })
		.where('id', '=', opts.exportId)
		.where((w) => w.or([w('status', '=', 'queued'), w.and([w('status', '=', 'running'), w('heartbeat_at', '<', stale()), w('attempts', '<', MAX_ATTEMPTS)])]))
		.returningAll()
		.executeTakeFirst();
	if (!job) return false;
	const update = async (patch: Updateable<ReportExportsTable>) => {
		const r = await executor
			.updateTable('report_exports')
			.set(patch)
			.where('organization_id', '=', job.organization_id)
			.where('id', '=', job.id)
			.where('status', '=', 'running')
			.where('attempts', '=', job.attempts)
			.executeTakeFirst();
		return r.numUpdatedRows > 0n;
	};
	try {
		const actor = await currentRequester(job.organization_id, job.requested_by, executor);
		if (!actor) throw new ExportRefused('The person or token that asked for this export no longer has access to results.');
		const locale: Locale = isLocale(job.options.locale) ? job.options.locale : 'en';
		const choice = comparison.parse({ compare: job.options.compare, statistic: job.options.statistic }); // stored by requestExport, already checked
		const data = await reportData({ actor, roundId: job.round_id, unitId: job.unit_key, locale, choice }, executor);
		let last = 0.1;
		await update({ progress: last, heartbeat_at: new Date() });
		const layout: CsvLayout = job.options.layout === 'wide' ? 'wide' : 'long';
		const body = await renderReport(
			job.format,
			data,
			(f) => {
				const p = 0.1 + 0.85 * f;
				if (p - last >= 0.1) void update({ progress: (last = p), heartbeat_at: new Date() }).catch(() => {});
			},
			layout
		);
		if (body.length > MAX_BYTES) throw new ExportRefused('The report is too large to be made as one file. Export a smaller unit.');
		const { unit, round } = data.results;
		const filename = exportFilename({
			organization: data.organization,
			unit: unit.name,
			isOrganization: unit.isOrganization,
			round: round.name,
			extension: FILE_TYPES[job.format].extension,
			suffix: layout === 'wide' ? 'wide' : undefined
		});
		if (!(await update({ status: 'ready', progress: 1, file: body, filename, finished_at: new Date(), error: null }))) return true; // taken over meanwhile
		const wanted = await executor
			.selectFrom('report_exports')
			.select('email_when_ready')
			.where('organization_id', '=', job.organization_id)
			.where('id', '=', job.id)
			.executeTakeFirst();
		if (wanted?.email_when_ready && actor.via === 'session')
			await sendEmail({
				to: actor.email,
				...exportReadyEmail(locale, {
					link: `${opts.origin}/app/exports/${job.id}`,
					unit: data.results.unit.name,
					round: data.results.round.name,
					format: job.format.toUpperCase()
				})
			});
	} catch (err) {
		console.error(`[exports] ${job.id} failed:`, err instanceof Error ? err.message : err);
		const reason = err instanceof ExportRefused ? err.message : 'The report could not be made. Try again, or ask your admin.';
		await update({ status: 'failed', error: reason, finished_at: new Date() });
	}
	return true;
}

/** Housekeeping: removes expired files and gives up exports that died too often. */
export async function expireExports(executor: Db = db()): Promise<void> {
	await executor.deleteFrom('report_exports').where('expires_at', '<', new Date()).execute();
	await executor
		.updateTable('report_exports')
		.set({ status: 'failed', error: 'The report could not be made. Try again, or ask your admin.', finished_at: new Date() })
		.where('status', '=', 'running')
		.where('heartbeat_at', '<', stale())
		.where('attempts', '>=', MAX_ATTEMPTS)
		.execute();
}

/** Exports left queued (their process stopped before starting them) or whose heartbeat stopped (the jobs' fan-out: one exports job each). */
export async function dueExports(executor: Db = db()): Promise<{ organizationId: string; exportId: string }[]> {
	const due = await executor
		.selectFrom('report_exports')
		.select(['organization_id', 'id'])
		.where((w) =>
			w.or([
				w.and([w('status', '=', 'queued'), w('created_at', '<', new Date(Date.now() - 30_000))]),
				w.and([w('status', '=', 'running'), w('heartbeat_at', '<', stale())])
			])
		)
		.orderBy('created_at')
		.limit(20)
		.execute();
	return due.map((r) => ({ organizationId: r.organization_id, exportId: r.id }));
}

/**
 * The whole sweep in one call, as the housekeeping and exports jobs do it between them: removes expired
 * files, gives up exports that died too often, and makes those left queued or whose heartbeat stopped.
 */
export async function runPendingExports(opts: { origin: string }, executor: Db = db()): Promise<number> {
	await expireExports(executor);
	let done = 0;
	for (const { exportId } of await dueExports(executor)) if (await runExport({ exportId, origin: opts.origin }, executor)) done++;
	return done;
}
