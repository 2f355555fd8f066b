import { sql, type Updateable } from 'kysely';
import type { Db } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/actor';
import type { ExportFormat, ReportExportsTable } from '$lib/server/db/schema';
import { isLocale, type Locale } from '$lib/i18n';
import { findMembership } from '$lib/server/auth/memberships';
import { reportData, type ReportData } from '$lib/server/reports/data';
import { sendEmail } from '$lib/server/email/send';
import { exportReadyEmail } from '$lib/server/email/export-templates';
import type { Comparison } from '$lib/server/results/benchmark-choice';
import { FILE_TYPES } from './input';

/** An export left "running" this long is taken to have died with its process, and is made again. */
const STALE_MINUTES = 5;

type Progress = (fraction: number) => void;
// Loaded on first use: the PDF, deck and workbook libraries take tens of MB that a server which never
// exports (or an instance busy with survey submissions) should not carry.
const renderers: Record<ExportFormat, (data: ReportData, onProgress: Progress) => Promise<Buffer>> = {
	pdf: async (d, onProgress) => (await import('$lib/server/reports/pdf')).renderPdf(d, { onProgress }),
	pptx: async (d, onProgress) => (await import('$lib/server/reports/deck')).renderDeck(d, { onProgress }),
	xlsx: async (d) => (await import('$lib/server/reports/xlsx')).renderXlsx(d),
	csv: async (d) => (await import('$lib/server/reports/csv')).renderCsv(d)
};

/** Renders one report in one format (the benchmark measures this directly). */
export function renderReport(format: ExportFormat, data: ReportData, onProgress: Progress = () => {}): Promise<Buffer> {
	return renderers[format](data, onProgress);
}

/** The requester as they are now: a member's rights are read again (revoked access fails the export). */
async function requester(db: Db, organizationId: string, label: string, options: Record<string, string>): Promise<Actor | null> {
	if (options.actor) return JSON.parse(options.actor) as Actor;
	const membership = await findMembership(db, { email: label, organizationId });
	return membership && { accountId: null, email: label, isOperator: false, membership, via: 'session', label };
}

const slug = (s: string) => s.normalize('NFKD').replace(/[^\w\s-]/g, '').trim().replace(/\s+/g, '-').slice(0, 60) || 'report';

/**
 * Makes one export, if it is still to be made: claims it (so that two instances never both work on
 * it), reads the report data with the requester's rights, renders it with progress, and stores the file.
 * A failure is stored with a plain reason (never figures). Returns whether it did anything.
 */
export async function runExport(db: Db, opts: { exportId: string; origin: string }): Promise<boolean> {
	const job = await db
		.updateTable('report_exports')
		.set({ status: 'running', started_at: new Date(), progress: 0, attempts: sql`attempts + 1` })
		.where('id', '=', opts.exportId)
		.where((w) => w.or([w('status', '=', 'queued'), w.and([w('status', '=', 'running'), w('started_at', '<', new Date(Date.now() - STALE_MINUTES * 60_000)), w('attempts', '<', 3)])]))
		.returningAll()
		.executeTakeFirst();
	if (!job) return false;
	const update = (patch: Updateable<ReportExportsTable>) => db.updateTable('report_exports').set(patch).where('organization_id', '=', job.organization_id).where('id', '=', job.id).execute();
	try {
		const actor = await requester(db, job.organization_id, job.requested_by, job.options);
		if (!actor) throw new Error('The person who asked for this export no longer has access to results.');
		const locale: Locale = isLocale(job.options.locale) ? job.options.locale : 'en';
		const choice = { compare: job.options.compare, statistic: job.options.statistic } as Comparison;
		const data = await reportData(db, { actor, roundId: job.round_id, unitId: job.unit_key, locale, choice });
		await update({ progress: 0.1 });
		let last = 0.1;
		const body = await renderReport(job.format, data, (f) => {
			const p = 0.1 + 0.85 * f;
			if (p - last >= 0.1) void update({ progress: (last = p) }).catch(() => {});
		});
		const filename = `${slug(`SOS ${data.results.unit.name} ${data.results.round.name}`)}.${FILE_TYPES[job.format].extension}`;
		await update({ status: 'ready', progress: 1, file: body, filename, finished_at: new Date(), error: null });
		const mailWanted = await db.selectFrom('report_exports').select('email_when_ready').where('organization_id', '=', job.organization_id).where('id', '=', job.id).executeTakeFirst();
		if (mailWanted?.email_when_ready && actor.via === 'session')
			await sendEmail({ to: actor.email, ...exportReadyEmail(locale, { link: `${opts.origin}/app/exports/${job.id}`, unit: data.results.unit.name, round: data.results.round.name, format: job.format.toUpperCase() }) });
	} catch (err) {
		console.error(`[exports] ${job.id} failed:`, err instanceof Error ? err.message : err);
		const reason = err instanceof Error && err.message.startsWith('The person') ? err.message : 'The report could not be made. Try again, or ask your admin.';
		await update({ status: 'failed', error: reason, finished_at: new Date() });
	}
	return true;
}

/** The scheduler's sweep: exports left queued (their process stopped) or stale, and expired files removed. */
export async function runPendingExports(db: Db, opts: { origin: string }): Promise<number> {
	await db.deleteFrom('report_exports').where('expires_at', '<', new Date()).execute();
	const due = await db
		.selectFrom('report_exports')
		.select('id')
		.where((w) => w.or([w.and([w('status', '=', 'queued'), w('created_at', '<', new Date(Date.now() - 30_000))]), w.and([w('status', '=', 'running'), w('started_at', '<', new Date(Date.now() - STALE_MINUTES * 60_000)), w('attempts', '<', 3)])]))
		.orderBy('created_at')
		.limit(20)
		.execute();
	let done = 0;
	for (const { id } of due) if (await runExport(db, { exportId: id, origin: opts.origin })) done++;
	return done;
}
