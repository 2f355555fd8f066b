import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { API_CLIENT_DIR, apiClientFiles } from './files';

describe('the checked-in OpenAPI document and client types', () => {
	it('are what `npm run openapi` writes from the code today (run it after changing a schema or path)', async () => {
		const files = await apiClientFiles();
		for (const [name, text] of Object.entries(files)) expect(readFileSync(path.join(API_CLIENT_DIR, name), 'utf8'), name).toBe(text);
	});
});
