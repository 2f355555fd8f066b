import { ValidationError } from '$lib/server/errors';
import { fromLocalInput } from '$lib/time/zone';

/** The new-round form as the page keeps it: plain strings, so it can be shown again exactly as sent. */
export interface RoundFormValues {
	name: string;
	mode: string;
	unitIds: string[];
	userIds: string[];
	questions: string[];
	startsAt: string;
	endsAt: string;
	publishAt: string;
	reminders: string[];
	minGroupSize: string;
	/** '' (does not repeat), '3', '6' or '12'. */
	repeat: string;
	/** The model version, `id@version` ('' for the default model). */
	model: string;
}

const str = (v: FormDataEntryValue | null) => (typeof v === 'string' ? v : '');
const all = (data: FormData, key: string) => data.getAll(key).filter((v): v is string => typeof v === 'string');

export function roundFormValues(data: FormData): RoundFormValues {
	return {
		name: str(data.get('name')),
		mode: str(data.get('mode')) || 'all',
		unitIds: all(data, 'unitIds'),
		userIds: all(data, 'userIds'),
		questions: all(data, 'questions'),
		startsAt: str(data.get('startsAt')),
		endsAt: str(data.get('endsAt')),
		publishAt: str(data.get('publishAt')),
		reminders: all(data, 'reminders'),
		minGroupSize: str(data.get('minGroupSize')),
		repeat: str(data.get('repeat')),
		model: str(data.get('model'))
	};
}

/** The repeat choice of a form ('' for does not repeat) as the domain takes it; anything else is left to its validation. */
export function repeatFromForm(value: string): unknown {
	const v = value.trim();
	return v === '' ? null : /^\d{1,3}$/.test(v) ? Number(v) : v;
}

/** The chosen model version (`id@version`) as the domain takes it; '' leaves the choice to the default model. */
function modelFromForm(value: string): { model?: { id: string; version: string } } {
	const at = value.indexOf('@');
	return at > 0 ? { model: { id: value.slice(0, at), version: value.slice(at + 1) } } : {};
}

/**
 * The domain input for `createRound`: local date-times read in the admin's zone and sent on as instants;
 * what cannot be read becomes a field error here, everything else is left to the domain's validation.
 */
export function roundFormInput(v: RoundFormValues, zone: string, launch: boolean): Record<string, unknown> {
	const problems: { path: string; message: string }[] = [];
	const when = (path: string, value: string) => {
		if (!value.trim()) return undefined;
		const d = fromLocalInput(value, zone);
		if (!d) problems.push({ path, message: 'Not a valid date and time' });
		return d?.toISOString();
	};
	const questions = v.questions.map((q) => {
		const [source, ref] = [q.slice(0, q.indexOf(':')), q.slice(q.indexOf(':') + 1)];
		if (source === 'standard') return { source, key: ref };
		if (source === 'organization') return { source, id: ref };
		problems.push({ path: 'questions', message: 'Unknown question' });
		return null;
	});
	const k = v.minGroupSize.trim();
	if (!/^\d{1,3}$/.test(k)) problems.push({ path: 'minGroupSize', message: 'Enter a whole number from 3 to 10' });
	const input = {
		name: v.name,
		participants: v.mode === 'units' ? { mode: 'units', unitIds: v.unitIds } : v.mode === 'users' ? { mode: 'users', userIds: v.userIds } : { mode: v.mode },
		questions,
		startsAt: when('startsAt', v.startsAt),
		endsAt: when('endsAt', v.endsAt),
		publishAt: when('publishAt', v.publishAt),
		reminders: v.reminders
			.map((r, i) => [r, i] as const)
			.filter(([r]) => r.trim() !== '')
			.map(([r, i]) => when(`reminders.${i}`, r)),
		minGroupSize: Number(k),
		launch,
		repeatMonths: repeatFromForm(v.repeat),
		...modelFromForm(v.model)
	};
	if (problems.length) throw new ValidationError(problems.map((p) => `${p.path}: ${p.message}`).join('; '), problems);
	return input;
}
