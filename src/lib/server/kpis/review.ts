import { sql } from 'kysely';
import { db, type Db } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/actor';
import { ConflictError, NotFoundError, ValidationError } from '$lib/server/errors';
import { isUuid, parse } from '$lib/server/validation';
import { recordAudit } from '$lib/server/audit/record';
import { actionScope, assertUnits, unitColumn, unitOfRow } from '$lib/server/actions/policy';
import { mayOwn } from '$lib/server/actions/options';
import { createAction } from '$lib/server/actions/mutations';
import { closeInput, correctionInput, reviewRef } from './review-input';

export interface ReviewRow {
	id: string;
	unitId: string;
	month: string;
	minutes: string;
	closedAt: Date | null;
	closedBy: string | null;
}

const reviews = (organizationId: string, executor: Db) =>
	executor
		.selectFrom('kpi_reviews')
		.select(['id', 'unit_id', 'month', 'minutes', 'closed_at as closedAt', 'closed_by as closedBy'])
		.where('organization_id', '=', organizationId);
const present = (r: { id: string; unit_id: string | null; month: string; minutes: string; closedAt: Date | null; closedBy: string | null }): ReviewRow => ({
	id: r.id,
	unitId: unitOfRow(r.unit_id),
	month: r.month.slice(0, 7),
	minutes: r.minutes,
	closedAt: r.closedAt,
	closedBy: r.closedBy
});

/** The review of a unit (or the organization's top) for a month, opened on first use by anyone who may act on the unit. */
export async function openReview(opts: { actor: Actor; input: unknown }, executor: Db = db()): Promise<ReviewRow> {
	const { unitId, month } = parse(reviewRef, opts.input);
	const scope = await actionScope(opts.actor, executor);
	await assertUnits(scope, [unitId], executor);
	const unit = unitColumn(unitId);
	const find = () =>
		reviews(scope.organizationId, executor)
			.where('month', '=', `${month}-01`)
			.where((w) => (unit ? w('unit_id', '=', unit) : w('unit_id', 'is', null)))
			.executeTakeFirst();
	const found = await find();
	if (found) return present(found);
	await sql`INSERT INTO kpi_reviews (organization_id, unit_id, month, created_by)
		VALUES (${scope.organizationId}::uuid, ${unit}::uuid, ${`${month}-01`}::date, ${opts.actor.label.slice(0, 320)})
		ON CONFLICT DO NOTHING`.execute(executor);
	return present((await find())!);
}

/** The review of a unit and month if one was opened (reading opens none). */
export async function findReview(opts: { actor: Actor; unitId: string; month: string }, executor: Db = db()): Promise<ReviewRow | null> {
	const scope = await actionScope(opts.actor, executor);
	await assertUnits(scope, [opts.unitId], executor);
	const unit = unitColumn(opts.unitId);
	const row = await reviews(scope.organizationId, executor)
		.where('month', '=', `${opts.month}-01`)
		.where((w) => (unit ? w('unit_id', '=', unit) : w('unit_id', 'is', null)))
		.executeTakeFirst();
	return row ? present(row) : null;
}

/** A review the actor may act on, or NotFoundError. */
export async function getReview(opts: { actor: Actor; reviewId: string }, executor: Db = db()): Promise<ReviewRow> {
	if (!isUuid(opts.reviewId)) throw new NotFoundError('review');
	const scope = await actionScope(opts.actor, executor);
	const row = await reviews(scope.organizationId, executor).where('id', '=', opts.reviewId).executeTakeFirst();
	if (!row || !scope.canSee(unitOfRow(row.unit_id))) throw new NotFoundError('review');
	return present(row);
}

/**
 * Records a correction for a KPI alarm at an open review: a decision point of the review's unit with the
 * correction, its owner, expected effect, check date and what is passed down; optionally also an action
 * due on the check date. One transaction.
 */
export async function recordCorrection(opts: { actor: Actor; reviewId: string; input: unknown }, executor: Db = db()): Promise<{ decisionId: string }> {
	const input = parse(correctionInput, opts.input);
	const review = await getReview(opts, executor);
	if (review.closedAt) throw new ConflictError('review_closed', 'This review is closed; record the correction at this month’s review.');
	const scope = await actionScope(opts.actor, executor);
	const org = scope.organizationId;
	const kpi = await executor.selectFrom('kpis').select('id').where('organization_id', '=', org).where('key', '=', input.kpi).executeTakeFirst();
	if (!kpi) throw new ValidationError(`kpi: There is no KPI '${input.kpi}'.`, [{ path: 'kpi', message: 'No such KPI' }]);
	if (input.ownerId && !(await mayOwn({ actor: opts.actor, unitId: review.unitId, ownerId: input.ownerId }, executor)))
		throw new ValidationError('ownerId: The owner must be one of the unit’s people, a viewer or an admin.', [
			{ path: 'ownerId', message: 'Not someone who can own this' }
		]);
	return executor.transaction().execute(async (trx) => {
		const row = await trx
			.insertInto('decisions')
			.values({
				organization_id: org,
				unit_id: unitColumn(review.unitId),
				decided_on: sql<string>`current_date`,
				title: input.title,
				reason: input.expectedEffect,
				created_by: opts.actor.label,
				review_id: review.id,
				kpi_id: kpi.id,
				alarm_month: `${input.alarmMonth}-01`,
				correction: input.correction,
				owner_id: input.ownerId,
				expected_effect: input.expectedEffect,
				check_on: input.checkOn,
				passed_down: input.passedDown
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		if (input.asAction)
			await createAction(
				{ actor: opts.actor, input: { unitId: review.unitId, title: input.title, reason: input.expectedEffect, ownerId: input.ownerId, dueOn: input.checkOn } },
				trx
			);
		await recordAudit(
			{ organizationId: org, actor: opts.actor.label, action: 'decision_recorded', target: input.title, details: { reviewId: review.id, kpi: input.kpi } },
			trx
		);
		return { decisionId: row.id };
	});
}

/** Closes a review with its minutes; a closed review no longer changes. */
export async function closeReview(opts: { actor: Actor; reviewId: string; input: unknown }, executor: Db = db()): Promise<ReviewRow> {
	const { minutes } = parse(closeInput, opts.input);
	const review = await getReview(opts, executor);
	if (review.closedAt) throw new ConflictError('review_closed', 'This review is already closed.');
	const scope = await actionScope(opts.actor, executor);
	await executor
		.updateTable('kpi_reviews')
		.set({ minutes, closed_at: sql`now()`, closed_by: opts.actor.label.slice(0, 320) })
		.where('organization_id', '=', scope.organizationId)
		.where('id', '=', review.id)
		.where('closed_at', 'is', null)
		.execute();
	return getReview(opts, executor);
}

export interface CorrectionRow {
	id: string;
	kpi: string;
	alarmMonth: string;
	correction: string;
	title: string;
	owner: string | null;
	expectedEffect: string;
	checkOn: string | null;
	passedDown: string;
	decidedOn: string;
	reviewMonth: string | null;
}

/** Every correction decided for a unit (or the organization's top), newest alarm first: this review's, and earlier ones to check. */
export async function correctionsOf(opts: { actor: Actor; unitId: string }, executor: Db = db()): Promise<CorrectionRow[]> {
	const scope = await actionScope(opts.actor, executor);
	await assertUnits(scope, [opts.unitId], executor);
	const unit = unitColumn(opts.unitId);
	const rows = await executor
		.selectFrom('decisions as d')
		.innerJoin('kpis as k', (j) => j.onRef('k.organization_id', '=', 'd.organization_id').onRef('k.id', '=', 'd.kpi_id'))
		.leftJoin('users as o', (j) => j.onRef('o.organization_id', '=', 'd.organization_id').onRef('o.id', '=', 'd.owner_id'))
		.leftJoin('kpi_reviews as r', (j) => j.onRef('r.organization_id', '=', 'd.organization_id').onRef('r.id', '=', 'd.review_id'))
		.select([
			'd.id',
			'k.key as kpi',
			'd.alarm_month as alarmMonth',
			'd.correction',
			'd.title',
			'o.name as owner',
			'd.expected_effect as expectedEffect',
			'd.check_on as checkOn',
			'd.passed_down as passedDown',
			'd.decided_on as decidedOn',
			'r.month as reviewMonth'
		])
		.where('d.organization_id', '=', scope.organizationId)
		.where((w) => (unit ? w('d.unit_id', '=', unit) : w('d.unit_id', 'is', null)))
		.orderBy('d.alarm_month', 'desc')
		.orderBy('d.created_at')
		.execute();
	return rows.map((r) => ({ ...r, alarmMonth: r.alarmMonth!.slice(0, 7), correction: r.correction!, reviewMonth: r.reviewMonth?.slice(0, 7) ?? null }));
}

/** At the review of a unit and month (opened if need be), records a correction: the review page's form. */
export async function decideAtReview(opts: { actor: Actor; unitId: string; month: string; input: unknown }, executor: Db = db()) {
	const review = await openReview({ actor: opts.actor, input: { unitId: opts.unitId, month: opts.month } }, executor);
	return recordCorrection({ actor: opts.actor, reviewId: review.id, input: opts.input }, executor);
}

/** Closes the review of a unit and month (opened if need be) with its minutes: the review page's form. */
export async function closeReviewOf(opts: { actor: Actor; unitId: string; month: string; input: unknown }, executor: Db = db()): Promise<ReviewRow> {
	const review = await openReview({ actor: opts.actor, input: { unitId: opts.unitId, month: opts.month } }, executor);
	return closeReview({ actor: opts.actor, reviewId: review.id, input: opts.input }, executor);
}
