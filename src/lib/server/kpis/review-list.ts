import { z } from 'zod';
import { sql } from 'kysely';
import { db, type Db } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/actor';
import { parse } from '$lib/server/validation';
import { unitRef } from '$lib/server/actions/input';
import { actionScope, assertUnits, unitColumn, unitList, unitOfRow, type ActionScope } from '$lib/server/actions/policy';
import { organizationZoneAndLanguage } from '$lib/server/rounds/successor';
import { MONTH } from './input';
import { getReview } from './review';

/** Which reviews or corrections to list: of one unit (default: every one the caller may act on), months from and to (inclusive). */
export const reviewListQuery = z
	.strictObject({
		unit: unitRef.optional(),
		from: z.string().regex(MONTH, 'A month like 2026-03').optional(),
		to: z.string().regex(MONTH, 'A month like 2026-03').optional()
	})
	.refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from must not be after to', path: ['to'] });
type ListQuery = z.output<typeof reviewListQuery>;

export interface ReviewView {
	id: string;
	unit: { id: string; name: string };
	month: string;
	status: 'open' | 'closed';
	minutes: string;
	correctionCount: number;
	createdBy: string;
	createdAt: Date;
	closedAt: Date | null;
	closedBy: string | null;
}

export interface CorrectionView {
	id: string;
	reviewId: string | null;
	unit: { id: string; name: string };
	kpi: string;
	alarmMonth: string;
	correction: string;
	title: string;
	owner: { id: string; name: string } | null;
	expectedEffect: string;
	checkOn: string | null;
	/** The check date has come (today in the organization's time zone). */
	due: boolean;
	passedDown: string;
	decidedOn: string;
	createdBy: string;
}

/** The units the caller may list, and the query's unit checked against them (404 outside). */
async function scoped(actor: Actor, q: ListQuery, executor: Db): Promise<ActionScope> {
	const scope = await actionScope(actor, executor);
	if (q.unit) await assertUnits(scope, [q.unit], executor);
	return scope;
}

/** A `unit_id` column filtered to the query's unit, else to the caller's units (an admin: all, the top included). */
const byUnit = (column: 'r.unit_id' | 'd.unit_id', scope: ActionScope, unit: string | undefined) =>
	unit !== undefined
		? unitColumn(unit) === null
			? sql<boolean>`${sql.ref(column)} IS NULL`
			: sql<boolean>`${sql.ref(column)} = ${unitColumn(unit)}::uuid`
		: scope.unitIds === null
			? sql<boolean>`true`
			: sql<boolean>`${sql.ref(column)} = ANY(${unitList(scope.unitIds)}::uuid[])`;

const reviewRows = (organizationId: string, executor: Db) =>
	executor
		.selectFrom('kpi_reviews as r')
		.innerJoin('organizations as g', 'g.id', 'r.organization_id')
		.leftJoin('units as u', (j) => j.onRef('u.organization_id', '=', 'r.organization_id').onRef('u.id', '=', 'r.unit_id'))
		.select((e) => [
			'r.id',
			'r.unit_id',
			sql<string>`coalesce(u.name, g.name)`.as('unitName'),
			'r.month',
			'r.minutes',
			'r.created_by as createdBy',
			'r.created_at as createdAt',
			'r.closed_at as closedAt',
			'r.closed_by as closedBy',
			e
				.selectFrom('decisions as d')
				.select(sql<number>`count(*)::int`.as('n'))
				.whereRef('d.organization_id', '=', 'r.organization_id')
				.whereRef('d.review_id', '=', 'r.id')
				.as('corrections')
		])
		.where('r.organization_id', '=', organizationId);
type ReviewDbRow = Awaited<ReturnType<ReturnType<typeof reviewRows>['execute']>>[number];
const presentReview = (r: ReviewDbRow): ReviewView => ({
	id: r.id,
	unit: { id: unitOfRow(r.unit_id), name: r.unitName },
	month: r.month.slice(0, 7),
	status: r.closedAt ? 'closed' : 'open',
	minutes: r.minutes,
	correctionCount: r.corrections ?? 0,
	createdBy: r.createdBy,
	createdAt: r.createdAt,
	closedAt: r.closedAt,
	closedBy: r.closedBy
});

/** The monthly reviews the caller may act on (?unit=, ?from=, ?to=), newest month first. */
export async function listReviews(opts: { actor: Actor; query: unknown }, executor: Db = db()): Promise<ReviewView[]> {
	const q = parse(reviewListQuery, opts.query);
	const scope = await scoped(opts.actor, q, executor);
	const rows = await reviewRows(scope.organizationId, executor)
		.where(byUnit('r.unit_id', scope, q.unit))
		.$if(!!q.from, (w) => w.where('r.month', '>=', `${q.from}-01`))
		.$if(!!q.to, (w) => w.where('r.month', '<=', `${q.to}-01`))
		.orderBy('r.month', 'desc')
		.orderBy('unitName')
		.execute();
	return rows.map(presentReview);
}

/** Today in the organization's time zone, YYYY-MM-DD. */
async function todayOf(organizationId: string, executor: Db, now = new Date()): Promise<string> {
	const { zone } = await organizationZoneAndLanguage(organizationId, executor);
	return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

const correctionRows = (organizationId: string, executor: Db) =>
	executor
		.selectFrom('decisions as d')
		.innerJoin('organizations as g', 'g.id', 'd.organization_id')
		.innerJoin('kpis as k', (j) => j.onRef('k.organization_id', '=', 'd.organization_id').onRef('k.id', '=', 'd.kpi_id'))
		.leftJoin('units as u', (j) => j.onRef('u.organization_id', '=', 'd.organization_id').onRef('u.id', '=', 'd.unit_id'))
		.leftJoin('users as o', (j) => j.onRef('o.organization_id', '=', 'd.organization_id').onRef('o.id', '=', 'd.owner_id'))
		.select([
			'd.id',
			'd.review_id as reviewId',
			'd.unit_id',
			sql<string>`coalesce(u.name, g.name)`.as('unitName'),
			'k.key as kpi',
			'd.alarm_month as alarmMonth',
			'd.correction',
			'd.title',
			'o.id as ownerId',
			'o.name as ownerName',
			'd.expected_effect as expectedEffect',
			'd.check_on as checkOn',
			'd.passed_down as passedDown',
			'd.decided_on as decidedOn',
			'd.created_by as createdBy'
		])
		.where('d.organization_id', '=', organizationId)
		.where('d.correction', 'is not', null)
		.orderBy('d.alarm_month', 'desc')
		.orderBy('d.created_at');
type CorrectionDbRow = Awaited<ReturnType<ReturnType<typeof correctionRows>['execute']>>[number];
const presentCorrection =
	(today: string) =>
	(r: CorrectionDbRow): CorrectionView => ({
		id: r.id,
		reviewId: r.reviewId,
		unit: { id: unitOfRow(r.unit_id), name: r.unitName },
		kpi: r.kpi,
		alarmMonth: r.alarmMonth!.slice(0, 7),
		correction: r.correction!,
		title: r.title,
		owner: r.ownerId ? { id: r.ownerId, name: r.ownerName ?? '' } : null,
		expectedEffect: r.expectedEffect,
		checkOn: r.checkOn,
		due: r.checkOn !== null && r.checkOn <= today,
		passedDown: r.passedDown,
		decidedOn: r.decidedOn,
		createdBy: r.createdBy
	});

/** Corrections decided at monthly reviews (?unit=, alarm months ?from= to ?to=), newest alarm first, each saying whether its check date has come. */
export async function listCorrections(opts: { actor: Actor; query: unknown; now?: Date }, executor: Db = db()): Promise<CorrectionView[]> {
	const q = parse(reviewListQuery, opts.query);
	const scope = await scoped(opts.actor, q, executor);
	const [rows, today] = await Promise.all([
		correctionRows(scope.organizationId, executor)
			.where(byUnit('d.unit_id', scope, q.unit))
			.$if(!!q.from, (w) => w.where('d.alarm_month', '>=', `${q.from}-01`))
			.$if(!!q.to, (w) => w.where('d.alarm_month', '<=', `${q.to}-01`))
			.execute(),
		todayOf(scope.organizationId, executor, opts.now)
	]);
	return rows.map(presentCorrection(today));
}

/** A review the caller may act on with the corrections recorded at it (404 for anyone else). */
export async function reviewDetail(opts: { actor: Actor; reviewId: string; now?: Date }, executor: Db = db()) {
	const review = await getReview(opts, executor);
	const { organizationId } = await actionScope(opts.actor, executor);
	const [row, corrections, today] = await Promise.all([
		reviewRows(organizationId, executor).where('r.id', '=', review.id).executeTakeFirstOrThrow(),
		correctionRows(organizationId, executor).where('d.review_id', '=', review.id).execute(),
		todayOf(organizationId, executor, opts.now)
	]);
	return { ...presentReview(row), corrections: corrections.map(presentCorrection(today)) };
}
