import type { SubmitFunction } from '@sveltejs/kit';

/**
 * `use:enhance={keepValues}`: after the answer the form keeps what was typed and saved (SvelteKit resets
 * a form whose action succeeded to the values the page was loaded with).
 */
export const keepValues: SubmitFunction =
	() =>
	async ({ update }) =>
		update({ reset: false });
