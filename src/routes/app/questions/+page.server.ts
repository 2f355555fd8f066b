import type { Actions, PageServerLoad } from './$types';
import { requireAdminPage } from '$lib/server/http/guards';
import { attempt } from '$lib/server/http/forms';
import { standardQuestions } from '$lib/server/models/registry';
import { QUESTION_TYPES } from '$lib/server/models/schema';
import { archiveQuestion, createQuestion, listQuestions } from '$lib/server/questions/store';
import { summarize } from '$lib/server/questions/present';
import { questionFormInput } from './form';

export const load: PageServerLoad = async (event) => {
	const { organizationId } = requireAdminPage(event);
	const lang = event.locals.locale;
	const [own, library] = await Promise.all([listQuestions({ organizationId, includeArchived: true }), standardQuestions()]);
	const present = (q: (typeof own)[number]) => ({
		id: q.id,
		en: summarize(q.definition, 'en'),
		sv: summarize(q.definition, 'sv'),
		createdAt: q.createdAt.toISOString(),
		archivedAt: q.archivedAt?.toISOString() ?? null
	});
	return {
		active: own.filter((q) => !q.archivedAt).map(present),
		archived: own.filter((q) => q.archivedAt).map(present),
		standard: QUESTION_TYPES.map((type) => ({
			type,
			items: library.filter((q) => q.type === type).map((q) => ({ key: q.key, ...summarize(q, lang) }))
		})).filter((g) => g.items.length > 0)
	};
};

export const actions: Actions = {
	create: async (event) => {
		const { organizationId, actor } = requireAdminPage(event);
		const data = await event.request.formData();
		return attempt(data, async () => {
			const q = await createQuestion({ organizationId, actor, input: questionFormInput(data) });
			return { done: 'created' as const, text: q.definition.en.text };
		});
	},
	archive: async (event) => {
		const { organizationId, actor } = requireAdminPage(event);
		const data = await event.request.formData();
		return attempt(data, async () => {
			const q = await archiveQuestion({ organizationId, actor, questionId: String(data.get('id') ?? '') });
			return { done: 'archived' as const, text: q.definition.en.text };
		});
	}
};
