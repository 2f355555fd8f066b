/**
 * Generated survey answers for demo data (pure, deterministic from a seed): each respondent answers
 * around their team's level in each area, managers a little more positively than their sales people,
 * with now and then a "don't know", and "not used in our team" where the team does not have the practice.
 */
import { NOT_USED, scoreResponse, type ModelShape } from '$lib/survey/scoring';

/** A small seeded generator (mulberry32): the same seed gives the same demo every time. */
export function seeded(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Roughly normal (sum of three uniforms), mean 0, sd ~1. */
const gauss = (rnd: () => number) => (rnd() + rnd() + rnd() - 1.5) * 2;

/** A team's level per area: a general level plus an area profile. */
export function teamProfile(rnd: () => number, areas: number, level: number): number[] {
	return Array.from({ length: areas }, () => Math.min(4.6, Math.max(1.6, level + gauss(rnd) * 0.45)));
}

export interface GeneratedResponse {
	answers: (number | null)[];
	areaScores: (number | null)[];
}

export function generateResponse(
	rnd: () => number,
	shape: ModelShape,
	profile: number[],
	opts: { optimism?: number; dontKnow?: number; notUsed?: readonly number[] } = {}
): GeneratedResponse {
	const answers: (number | null)[] = Array(shape.statementCount).fill(null);
	const personal = gauss(rnd) * 0.35 + (opts.optimism ?? 0);
	shape.areas.forEach((area, ai) => {
		for (const si of area.statements) {
			if (rnd() < (opts.dontKnow ?? 0.05)) answers[si] = 0;
			else answers[si] = Math.min(5, Math.max(1, Math.round(profile[ai] + personal + gauss(rnd) * 0.7)));
		}
	});
	// Drawn like any other answer first, so that the rest of the demo does not shift with who lacks a practice.
	for (const si of opts.notUsed ?? []) answers[si] = NOT_USED;
	return { answers, areaScores: scoreResponse(answers, shape) };
}

/** Short free-text answers for the demo's "one change" question (generated, not anyone's words). */
export const demoComments = [
	'Fewer internal meetings and more time with customers.',
	'Clearer priorities on which customers we should not spend time on.',
	'Regular one-to-ones that actually happen, even in busy months.',
	'A forecast we trust, so we stop arguing about the numbers.',
	'Joint customer visits with my manager more than twice a year.',
	'Targets that are explained, not just handed out in January.',
	'A shared dashboard so we all look at the same figures.',
	'Better handover of customers when someone leaves the team.',
	'More coaching on how to move deals forward, less checking.',
	'Recognition for good work that is not only about volume.',
	'A simpler CRM, so that updating it takes minutes, not hours.',
	'Earlier help when someone falls behind, before it becomes a problem.',
	'Time set aside for planning the week on Monday mornings.',
	'Fairer districts: some of us have twice the potential of others.',
	'Follow-up on the actions we agree on, not just on the results.',
	'Sales contests that reward what the company actually needs.',
	'More honest conversations about lost deals and why we lost them.',
	'A clear owner for every key account.'
];
