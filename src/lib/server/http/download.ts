import type { Download } from '$lib/server/billing/downloads';

/** A file to download, never cached (it holds an organization's data). */
export function downloadResponse(d: Download): Response {
	return new Response(d.body as BodyInit, {
		headers: { 'content-type': d.contentType, 'content-disposition': `attachment; filename="${d.fileName}"`, 'cache-control': 'private, no-store' }
	});
}
