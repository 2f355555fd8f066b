import type { RequestHandler } from './$types';
import { reply } from '$lib/server/http/reply';
import { userImportOutput } from '$lib/server/imports/output';
import { api } from '$lib/server/http/api';
import { requireAdmin } from '$lib/server/auth/policies';
import { getUserImport } from '$lib/server/imports/preview';

export const GET: RequestHandler = api(async (event, actor) => {
	const { organizationId } = requireAdmin(actor);
	const imp = await getUserImport({ organizationId, importId: event.params.id });
	return reply(userImportOutput, {
		importId: imp.importId,
		fileName: imp.fileName,
		createdAt: imp.createdAt.toISOString(),
		appliedAt: imp.appliedAt?.toISOString() ?? null,
		preview: imp.preview
	});
});
