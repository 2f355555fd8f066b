import { fail, type ActionFailure } from '@sveltejs/kit';
import { DomainError, statusOf } from '$lib/server/errors';

export interface FormFailure {
	message: string;
	fieldErrors: Record<string, string>;
	values: Record<string, string>;
}

/** Form fields as plain strings (files are left out), for re-filling a form after an error. */
export function formValues(data: FormData): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [k, v] of data.entries()) if (typeof v === 'string' && !k.toLowerCase().includes('password')) out[k] = v;
	return out;
}

/** Runs a form action's domain call; a DomainError becomes a 4xx `fail` the page shows beside the fields. */
export async function attempt<T>(data: FormData, fn: () => Promise<T>): Promise<T | ActionFailure<FormFailure>> {
	try {
		return await fn();
	} catch (err) {
		if (!(err instanceof DomainError)) throw err;
		const fieldErrors: Record<string, string> = {};
		if (Array.isArray(err.details)) for (const d of err.details as { path: string; message: string }[]) fieldErrors[d.path] ??= d.message;
		return fail(statusOf(err), { message: err.message, fieldErrors, values: formValues(data) });
	}
}

/** Empty strings from a form become null (e.g. "no unit"). */
export function nullable(v: FormDataEntryValue | null): string | null {
	return typeof v === 'string' && v.trim() !== '' ? v : null;
}

export function str(v: FormDataEntryValue | null): string | undefined {
	return typeof v === 'string' ? v : undefined;
}
