import type { RequestHandler } from './$types';
import { reply } from '$lib/server/http/reply';
import { importPreviewOutput } from '$lib/server/imports/output';
import { api } from '$lib/server/http/api';
import { requireAdmin } from '$lib/server/auth/policies';
import { previewUserImport } from '$lib/server/imports/preview';
import { uploadedFile } from '$lib/server/imports/upload';
import { ValidationError } from '$lib/server/errors';

export const POST: RequestHandler = api(async (event, actor) => {
	const { organizationId } = requireAdmin(actor);
	if (!(event.request.headers.get('content-type') ?? '').startsWith('multipart/form-data'))
		throw new ValidationError('Upload the file as multipart/form-data in a field called "file".');
	let data: FormData;
	try {
		data = await event.request.formData();
	} catch {
		throw new ValidationError('The multipart body could not be read.');
	}
	const result = await previewUserImport({ organizationId, actor, ...(await uploadedFile(data)) });
	return reply(importPreviewOutput, result, { status: 201 });
});
