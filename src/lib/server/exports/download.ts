/** The HTTP response for an export file: a download, never cached by shared caches. */
export function fileResponse(file: { body: Buffer; filename: string; type: string }): Response {
	return new Response(new Uint8Array(file.body), {
		headers: {
			'content-type': file.type,
			'content-disposition': `attachment; filename="${file.filename}"`,
			'content-length': String(file.body.length),
			'cache-control': 'private, no-store',
			'x-content-type-options': 'nosniff'
		}
	});
}
