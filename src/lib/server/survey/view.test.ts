import { describe, expect, it } from 'vitest';
import { getModel } from '$lib/server/models/registry';
import { areaOrder } from '$lib/survey/rotation';
import { NOT_USED } from '$lib/survey/scoring';
import type { SurveyContext } from './participant';
import { patchStatements } from './save';
import { areaPage, displayOrder, pageKeys, resumePage, reviewPage } from './view';

const FALLBACK = { dontKnow: 'Don’t know', notUsed: 'Not used in our team' };

async function context(invitationId: string, notUsed: number[] = []): Promise<SurveyContext> {
	const model = await getModel('sos', '1.0');
	return {
		organizationId: '00000000-0000-0000-0000-000000000001',
		roundId: '00000000-0000-0000-0000-000000000002',
		invitationId,
		unitId: '00000000-0000-0000-0000-000000000003',
		jobRole: 'sales_person',
		language: 'en',
		roundName: 'Rotation',
		organizationName: 'Org',
		endsAt: new Date(Date.now() + 86_400_000),
		model: { ...model, shape: { ...model.shape, notUsed } },
		questions: [],
		answers: Array(model.shape.statementCount).fill(null),
		questionAnswers: {}
	};
}

/** Two invitation ids whose orders start at different areas (fixed, so the test reads the same every run). */
const A = '3f6c1b52-2a7e-4f0e-9d7c-2d1b1c0a9e11';
const B = '8a0d6e4f-5b3c-4e2a-8f1d-7c6b5a4e3d22';

describe('the order of areas per participant', () => {
	it('starts two invitations at different areas; page n shows the n-th area of the participant’s order', async () => {
		const [a, b] = [await context(A), await context(B)];
		expect(displayOrder(a)[0]).not.toBe(displayOrder(b)[0]);
		for (const ctx of [a, b]) {
			const order = displayOrder(ctx);
			expect(pageKeys(ctx)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', 'review']);
			for (let n = 1; n <= 9; n++) {
				const page = areaPage(ctx, 'en', n, FALLBACK);
				expect(page.number).toBe(n);
				expect(page.count).toBe(9);
				expect(page.statements.map((s) => s.key)).toEqual(ctx.model.shape.areas[order[n - 1]].statements.map((i) => ctx.model.statementKeys[i]));
			}
			// The review lists the areas in the same order, numbered as their pages.
			expect(reviewPage(ctx, 'en').areas.map((r) => r.name)).toEqual(order.map((i) => ctx.model.translations.en.areas[ctx.model.shape.areas[i].key].name));
		}
	});

	it('stores answers given on any page in model order, and resumes in the same order at the first area left unanswered', async () => {
		const ctx = await context(A);
		const order = displayOrder(ctx);
		expect(order).toEqual(areaOrder(A, 9));
		expect(resumePage(ctx)).toBe('1');
		// Everything on the first two pages answered, as the page's form sends it: by statement key.
		const given = [1, 2].flatMap((n) => areaPage(ctx, 'en', n, FALLBACK).statements.map((s) => s.key));
		const answers = patchStatements(ctx.model, ctx.answers, Object.fromEntries(given.map((k) => [k, 3])));
		const expected = Array(ctx.model.shape.statementCount).fill(null);
		for (const a of [order[0], order[1]]) for (const i of ctx.model.shape.areas[a].statements) expected[i] = 3;
		expect(answers).toEqual(expected);
		// Resuming (a fresh context of the same invitation, another device): the same order, page 3 next.
		const again = { ...(await context(A)), answers };
		expect(displayOrder(again)).toEqual(order);
		expect(resumePage(again)).toBe('3');
		expect(areaPage(again, 'en', 1, FALLBACK).statements.every((s) => s.answer === 3)).toBe(true);
		const all = { ...again, answers: answers.map(() => 4) };
		expect(resumePage(all)).toBe('review');
	});
});

describe('"not used in our team" on an area page', () => {
	it('is offered on the statements the model lists, with the translation’s label or the fallback', async () => {
		const plain = await context(A);
		const area = plain.model.shape.areas[displayOrder(plain)[0]];
		const ctx = await context(A, [area.statements[1]]);
		const page = areaPage({ ...ctx, answers: ctx.answers.map((_, i) => (i === area.statements[1] ? NOT_USED : null)) }, 'en', 1, FALLBACK);
		expect(page.statements.map((s) => s.notUsed)).toEqual(area.statements.map((_, j) => j === 1));
		expect(page.notUsed).toEqual({ value: NOT_USED, label: 'Not used in our team' });
		expect(page.statements[1].answer).toBe(NOT_USED);
		expect(areaPage(plain, 'en', 1, FALLBACK).statements.some((s) => s.notUsed)).toBe(false);
	});
});
