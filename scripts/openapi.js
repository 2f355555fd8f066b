// Writes src/lib/api-client/openapi.json and schema.d.ts from the code (see src/lib/server/api/files.ts).
// The module is loaded through Vite, so $lib and the rest of the app's resolution work as in the app.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createServer } from 'vite';

const vite = await createServer({ server: { middlewareMode: true, hmr: false, watch: null }, appType: 'custom', logLevel: 'warn' });
try {
	const { API_CLIENT_DIR, apiClientFiles } = await vite.ssrLoadModule('/src/lib/server/api/files.ts');
	mkdirSync(API_CLIENT_DIR, { recursive: true });
	for (const [name, text] of Object.entries(await apiClientFiles())) {
		writeFileSync(path.join(API_CLIENT_DIR, name), text);
		console.log(`wrote ${path.join(API_CLIENT_DIR, name)}`);
	}
} finally {
	await vite.close();
}
