import openapiTS, { astToString } from 'openapi-typescript';
import { openApiDocument } from './openapi';

/** Where the checked-in copies live: the API tests' typed client is made from schema.d.ts. */
export const API_CLIENT_DIR = 'src/lib/api-client';

/**
 * The checked-in OpenAPI document (servers relative: /api/v1) and the TypeScript types openapi-typescript
 * writes from it (a field with a default stays optional in a request). `npm run openapi` writes them;
 * files.test.ts fails when they drift from the code.
 */
export async function apiClientFiles(): Promise<Record<'openapi.json' | 'schema.d.ts', string>> {
	const document = `${JSON.stringify(openApiDocument(''), null, '\t')}\n`;
	const types = astToString(await openapiTS(JSON.parse(document), { defaultNonNullable: false }));
	return { 'openapi.json': document, 'schema.d.ts': `// Written by \`npm run openapi\` from openapi.json; do not edit.\n\n${types}` };
}
