import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { db } from '$lib/server/db';
import { createTestActor, createTestTeam, createTestOrganization } from '$tests/fixtures';
import { createRound } from '$lib/server/rounds/create';
import { closeRoundEarly } from '$lib/server/rounds/manage';
import { invitationToken } from '$lib/server/rounds/links';
import { resolveSurveyToken } from '$lib/server/survey/access';
import { submitSurvey } from '$lib/server/survey/submit';
import { storedResponses } from '$tests/stored-responses';
import { checkResponseKey, mixDueRounds, mixPendingResponses } from './mix';
import { IDENTITY_BYTES, openResponse } from './seal';
import { submitByToken } from '$lib/server/survey/submit-by-token';
import { saveDraft } from '$lib/server/survey/save';

/** An open round over one team of `people` sales people, each invitation opened as its participant would. */
async function openRound(people: number, k = 5, questions: string[] = []) {
	const org = await createTestOrganization();
	const admin = await createTestActor(org.id, 'admin');
	await createTestTeam(org.id, people);
	const round = await createRound({
		organizationId: org.id,
		actor: admin,
		input: { name: 'Mixing', minGroupSize: k, questions: questions.map((key) => ({ source: 'standard', key })) }
	});
	const invitations = await db().selectFrom('invitations').select('id').where('organization_id', '=', org.id).where('round_id', '=', round.id).execute();
	const surveys = await Promise.all(
		invitations.map(async (i) => {
			const r = await resolveSurveyToken({ token: await invitationToken({ organizationId: org.id, invitationId: i.id }), ip: null });
			if (r.state !== 'open') throw new Error(r.state);
			return r.survey;
		})
	);
	return { org, admin, round, surveys };
}

type Survey = Awaited<ReturnType<typeof openRound>>['surveys'][number];

/** Submitter `n`'s answers: the first statement carries n (1…5), the second n's tens, so each response says who it was in the test. */
const answersOf = (s: Survey, n: number) => ({
	answers: { [s.model.statementKeys[0]]: 1 + (n % 5), [s.model.statementKeys[1]]: 1 + Math.floor(n / 5) },
	questions: {}
});
const submitterOf = (answers: (number | null)[]) => answers[0]! - 1 + 5 * (answers[1]! - 1);

/** Per response of the round: its transaction id, its physical position and how many of the organization's invitations share that id. */
async function storage(organizationId: string, roundId: string) {
	const rows = await sql<{ xmin: string; answers: number[]; linked: number }>`
		SELECT r.xmin::text AS xmin, r.answers,
			(SELECT count(*) FROM invitations i WHERE i.organization_id = r.organization_id AND i.xmin = r.xmin)::int AS linked
		FROM responses r WHERE r.organization_id = ${organizationId} AND r.round_id = ${roundId} ORDER BY r.ctid`.execute(db());
	return rows.rows;
}

describe('what the database keeps of a response', () => {
	it('after close, links no response to an invitation by transaction id or physical order', async () => {
		const { org, admin, round, surveys } = await openRound(20);
		for (const [n, s] of surveys.entries()) await submitSurvey({ survey: s, patch: answersOf(s, n) });
		await closeRoundEarly({ organizationId: org.id, actor: admin, roundId: round.id });

		const rows = await storage(org.id, round.id);
		expect(rows).toHaveLength(20);
		// No response shares its transaction id with any invitation; all of the round's share one.
		expect(rows.filter((r) => r.linked > 0)).toEqual([]);
		expect(new Set(rows.map((r) => r.xmin)).size).toBe(1);
		// The physical order is not the order of submitting (1 in 20! by chance), nor its reverse.
		const order = rows.map((r) => submitterOf(r.answers));
		expect(order.slice().sort((a, b) => a - b)).toEqual(surveys.map((_, n) => n));
		expect(order).not.toEqual(surveys.map((_, n) => n));
		expect(order).not.toEqual(surveys.map((_, n) => 19 - n));
	});

	it('mixes at least k pending answers of an open round in one go: none lost, none twice, pending empty, linked to no invitation', async () => {
		const { org, round, surveys } = await openRound(12, 5);
		const pendingOf = () => db().selectFrom('pending_responses').select('id').where('organization_id', '=', org.id).where('round_id', '=', round.id).execute();
		// Four of them: fewer than k, so they wait.
		for (const [n, s] of surveys.slice(0, 4).entries()) await submitSurvey({ survey: s, patch: answersOf(s, n) });
		expect(await mixPendingResponses({ organizationId: org.id, roundId: round.id, minimum: 5 })).toBe(0);
		await mixDueRounds({ organizationId: org.id });
		expect(await pendingOf()).toHaveLength(4);
		expect(await storage(org.id, round.id)).toEqual([]);
		// Three more (seven pending, at least k): the scheduler's mix moves all seven.
		for (const [n, s] of surveys.slice(4, 7).entries()) await submitSurvey({ survey: s, patch: answersOf(s, n + 4) });
		await mixDueRounds({ organizationId: org.id });
		expect(await pendingOf()).toEqual([]);
		const rows = await storage(org.id, round.id);
		expect(rows.map((r) => submitterOf(r.answers)).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6]);
		expect(rows.filter((r) => r.linked > 0)).toEqual([]);
		expect(new Set(rows.map((r) => r.xmin)).size).toBe(1);
		// The rest: the next five are mixed together, apart from the first seven.
		for (const [n, s] of surveys.slice(7).entries()) await submitSurvey({ survey: s, patch: answersOf(s, n + 7) });
		await mixDueRounds({ organizationId: org.id });
		const all = await storage(org.id, round.id);
		expect(all.map((r) => submitterOf(r.answers)).sort((a, b) => a - b)).toEqual(surveys.map((_, n) => n));
		expect(new Set(all.map((r) => r.xmin)).size).toBe(2);
		expect(all.filter((r) => r.linked > 0)).toEqual([]);
	});

	it('at close: pending and earlier mixed answers are rewritten together, all sharing one transaction id, and counted exactly', async () => {
		const { org, admin, round, surveys } = await openRound(14, 5);
		for (const [n, s] of surveys.slice(0, 6).entries()) await submitSurvey({ survey: s, patch: answersOf(s, n) });
		await mixDueRounds({ organizationId: org.id });
		// 20 at once for one invitation: still one answer.
		const twenty = await Promise.all(Array.from({ length: 20 }, () => submitSurvey({ survey: surveys[6], patch: answersOf(surveys[6], 6) })));
		expect(twenty.filter((r) => !r.alreadySubmitted)).toHaveLength(1);
		for (const [n, s] of surveys.slice(7, 9).entries()) await submitSurvey({ survey: s, patch: answersOf(s, n + 7) });
		expect(await storedResponses(org.id)).toHaveLength(9);

		const closing = new Date();
		await closeRoundEarly({ organizationId: org.id, actor: admin, roundId: round.id });
		const rows = await storage(org.id, round.id);
		expect(rows.map((r) => submitterOf(r.answers)).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
		expect(new Set(rows.map((r) => r.xmin)).size).toBe(1);
		expect(rows.filter((r) => r.linked > 0)).toEqual([]);
		expect(await db().selectFrom('pending_responses').select('id').where('organization_id', '=', org.id).execute()).toEqual([]);
		const results = await db()
			.selectFrom('round_results')
			.select('respondents')
			.where('organization_id', '=', org.id)
			.where('round_id', '=', round.id)
			.executeTakeFirstOrThrow();
		expect(results.respondents).toBe(9);
		// Both tables were vacuumed after the close committed: the old row versions (with their transaction ids) are gone.
		const vacuumed = await sql<{ relname: string; last_vacuum: Date | null }>`
			SELECT relname, last_vacuum FROM pg_stat_user_tables WHERE relname IN ('responses', 'pending_responses') ORDER BY relname`.execute(db());
		for (const t of vacuumed.rows) expect(t.last_vacuum!.getTime(), t.relname).toBeGreaterThanOrEqual(closing.getTime() - 1000);
	});

	it('keeps pending answers unreadable without the key: no plain bytes, one length per round, bound to its round', async () => {
		const { org, round, surveys } = await openRound(3, 5, ['one_change', 'demand_outlook']);
		const comment = 'Fewer meetings, more customers — Zebrafinch-7391';
		const s0 = surveys[0];
		await submitSurvey({
			survey: s0,
			patch: { answers: Object.fromEntries(s0.model.statementKeys.map((k) => [k, 4])), questions: { std_one_change: comment, std_demand_outlook: 5 } }
		});
		await submitSurvey({ survey: surveys[1], patch: { answers: {}, questions: {} } });
		await submitSurvey({ survey: surveys[2], patch: { answers: { [s0.model.statementKeys[0]]: 2 }, questions: { std_one_change: 'x'.repeat(2000) } } });
		const rows = await db().selectFrom('pending_responses').selectAll().where('organization_id', '=', org.id).execute();
		expect(rows).toHaveLength(3);
		// The same length whatever was answered: a full survey with a comment, nothing at all, a 2,000-character comment.
		expect(new Set(rows.map((r) => r.sealed.length)).size).toBe(1);
		const team = (await db().selectFrom('invitations').select('unit_id').where('organization_id', '=', org.id).executeTakeFirstOrThrow()).unit_id;
		for (const r of rows) {
			for (const plain of [comment, 'Zebrafinch', team, team.replace(/-/g, ''), 'sales_person'])
				for (const encoding of ['utf8', 'utf16le'] as const) expect(r.sealed.includes(Buffer.from(plain, encoding))).toBe(false);
			expect(r.sealed.includes(Buffer.from(team.replace(/-/g, ''), 'hex'))).toBe(false);
		}
		// With the key it opens, as this round's only.
		const opened = rows.map((r) => openResponse(r.sealed, { organizationId: org.id, roundId: round.id }));
		expect(opened.map((o) => o.questionAnswers.std_one_change ?? null).sort()).toEqual([comment, 'x'.repeat(2000), null].sort());
		expect(opened.every((o) => o.unitId === team && o.jobRole === 'sales_person')).toBe(true);
		expect(() => openResponse(rows[0].sealed, { organizationId: org.id, roundId: crypto.randomUUID() })).toThrow(/cannot be opened/);
		const key = process.env.SOS_RESPONSE_KEY;
		const { responseKey } = await import('./key');
		const right = Buffer.from(responseKey());
		try {
			expect(await checkResponseKey()).toBe(true);
			responseKey().set(randomBytes(32)); // another key in place of the right one
			expect(() => openResponse(rows[0].sealed, { organizationId: org.id, roundId: round.id })).toThrow(/cannot be opened/);
			// An instance started with another key says so at start-up.
			expect(await checkResponseKey()).toBe(false);
		} finally {
			responseKey().set(right);
			process.env.SOS_RESPONSE_KEY = key;
		}
	});

	it('seals alike on every path: the one-statement API submit (the identity sealed at launch), the page and the API with a draft', async () => {
		const { org, round, surveys } = await openRound(3, 5);
		const tokens = await Promise.all(surveys.map((s) => invitationToken({ organizationId: s.organizationId, invitationId: s.invitationId })));
		const full = (s: Survey) => Object.fromEntries(s.model.statementKeys.map((k, i) => [k, 1 + (i % 5)]));
		await saveDraft({ survey: surveys[2], patch: { answers: { [surveys[2].model.statementKeys[0]]: 3 }, questions: {} } });
		expect(await submitByToken({ token: tokens[0], ip: null, patch: { answers: full(surveys[0]), questions: {} } })).toEqual({
			submitted: true,
			alreadySubmitted: false
		});
		await submitSurvey({ survey: surveys[1], patch: answersOf(surveys[1], 1) });
		expect(await submitByToken({ token: tokens[2], ip: null, patch: { answers: {}, questions: {} } })).toEqual({ submitted: true, alreadySubmitted: false });
		expect(await submitByToken({ token: tokens[0], ip: null, patch: { answers: full(surveys[0]), questions: {} } })).toEqual({
			submitted: true,
			alreadySubmitted: true
		});

		const rows = await db().selectFrom('pending_responses').select('sealed').where('organization_id', '=', org.id).execute();
		expect(rows).toHaveLength(3);
		expect(new Set(rows.map((r) => r.sealed.length)).size).toBe(1);
		// The first went in one statement: its identity part is the one sealed at launch.
		const launched = await db()
			.selectFrom('invitations')
			.select('sealed_identity')
			.where('organization_id', '=', org.id)
			.where('id', '=', surveys[0].invitationId)
			.executeTakeFirstOrThrow();
		expect(rows.filter((r) => r.sealed.subarray(0, IDENTITY_BYTES).equals(launched.sealed_identity!))).toHaveLength(1);
		const opened = rows.map((r) => openResponse(r.sealed, { organizationId: org.id, roundId: round.id }));
		expect(opened.map((o) => o.answers[0]).sort()).toEqual([1, 2, 3]);
		expect(new Set(opened.map((o) => `${o.unitId}|${o.jobRole}`))).toEqual(new Set([`${surveys[0].unitId}|sales_person`]));
	});

	it('loses nothing when a mix fails: a pending answer it cannot open leaves every answer pending and the round open', async () => {
		const { org, admin, round, surveys } = await openRound(6, 5);
		for (const [n, s] of surveys.entries()) await submitSurvey({ survey: s, patch: answersOf(s, n) });
		const sealed = (await db().selectFrom('pending_responses').select('sealed').where('organization_id', '=', org.id).executeTakeFirstOrThrow()).sealed;
		const broken = Buffer.from(sealed);
		broken[broken.length - 1] ^= 1;
		await db().insertInto('pending_responses').values({ organization_id: org.id, round_id: round.id, sealed: broken }).execute();
		await expect(mixPendingResponses({ organizationId: org.id, roundId: round.id, minimum: 5 })).rejects.toThrow(/cannot be opened/);
		await expect(closeRoundEarly({ organizationId: org.id, actor: admin, roundId: round.id })).rejects.toThrow(/cannot be opened/);
		expect(await db().selectFrom('pending_responses').select('id').where('organization_id', '=', org.id).execute()).toHaveLength(7);
		expect(await storage(org.id, round.id)).toEqual([]);
		expect(
			(await db().selectFrom('rounds').select('status').where('organization_id', '=', org.id).where('id', '=', round.id).executeTakeFirstOrThrow()).status
		).toBe('open');
		// The broken row goes, so that the test server's ticks do not keep trying this round.
		await db().deleteFrom('pending_responses').where('organization_id', '=', org.id).where('sealed', '=', broken).execute();
	});
});
