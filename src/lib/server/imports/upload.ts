import { ValidationError } from '$lib/server/errors';
import { MAX_FILE_BYTES } from './parse';

/** The uploaded file from a multipart form (field `file`), with a clear error when it is missing or too big. */
export async function uploadedFile(data: FormData): Promise<{ fileName: string; bytes: Uint8Array }> {
	const file = data.get('file');
	if (!(file instanceof File) || file.size === 0 || !file.name)
		throw new ValidationError('Choose an .xlsx or .csv file to upload.', [{ path: 'file', message: 'Choose an .xlsx or .csv file to upload.' }]);
	if (file.size > MAX_FILE_BYTES) throw new ValidationError(`The file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB.`);
	return { fileName: file.name.slice(0, 200), bytes: new Uint8Array(await file.arrayBuffer()) };
}
