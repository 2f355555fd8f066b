import { z } from 'zod';
import { shownFigure } from '$lib/results/colour';
import { buildView, ORGANIZATION, type RoundData } from '$lib/results/view';
import type { PublishedRound } from './rounds';

/** Comparing a unit with a unit above it: its parent in the round's tree, or the whole organization. */
export const withinChoice = z.enum(['parent', 'organization']);
export type Within = z.infer<typeof withinChoice>;

/** A page's ?within=; anything else is no internal comparison. */
export function withinFrom(url: URL): Within | null {
	const asked = withinChoice.safeParse(url.searchParams.get('within'));
	return asked.success ? asked.data : null;
}

/** The unit a unit is compared with (null: none above it, or the parent is the organization and `parent` was asked). */
export function comparedUnit(round: PublishedRound, unitId: string, within: Within | null): string | null {
	if (!within || unitId === ORGANIZATION) return null;
	if (within === 'organization') return ORGANIZATION;
	const parent = round.tree.find((u) => u.id === unitId)?.parentId ?? null;
	return parent;
}

export interface InternalComparison {
	within: Within;
	name: string;
	/** Per area: the unit's score as the round's pattern shows it to a reader of the whole organization, or null. */
	scores: (number | null)[];
}

export interface InternalOption {
	within: Within;
	name: string;
}

/**
 * What a unit can be compared with inside the company: its parent (where that is not the organization
 * itself) and the whole organization. Figures come from the round's disclosure pattern, decided as if
 * one reader saw every unit with the organization on top, so a viewer who sees a unit next to the units
 * above it sees nothing that reader could not already put side by side. Only area scores are offered:
 * never statements, role splits, questions or comments of units outside the viewer's own.
 */
export function internalOptions(round: PublishedRound, data: RoundData, organizationName: string, unitId: string): InternalOption[] {
	if (unitId === ORGANIZATION) return [];
	const names = new Map(data.tree.map((u) => [u.id, u.name]));
	const parent = comparedUnit(round, unitId, 'parent');
	return [...(parent ? [{ within: 'parent' as const, name: names.get(parent) ?? '' }] : []), { within: 'organization', name: organizationName }];
}

/** The figures of the unit a unit is compared with (`comparedUnit`'s totals must be loaded in `data`). */
export function internalComparison(
	round: PublishedRound,
	data: RoundData,
	organizationName: string,
	unitId: string,
	within: Within | null
): InternalComparison | null {
	const target = comparedUnit(round, unitId, within);
	if (!target || !within) return null;
	const whole = buildView(data, { all: true, unitIds: new Set() }, organizationName);
	const shown = whole.unit(target).all;
	return {
		within,
		name: whole.units.get(target)?.name ?? organizationName,
		scores: Array.from({ length: data.areas }, (_, i) => (shown ? shownFigure(whole.areaScore(target, i)) : null))
	};
}
