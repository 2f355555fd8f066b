import { z } from 'zod';
import { unitInput, unitPatch } from '$lib/server/units/mutations';
import { userInput, userPatch } from '$lib/server/users/mutations';

const schema = (s: z.ZodType, io: 'input' | 'output' = 'input') => z.toJSONSchema(s, { io, unrepresentable: 'any' });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const body = (name: string) => ({ required: true, content: { 'application/json': { schema: ref(name) } } });
const ok = (name: string, status = '200', description = 'OK') => ({ [status]: { description, content: { 'application/json': { schema: ref(name) } } } });
const errors = (...codes: number[]) =>
	Object.fromEntries(codes.map((c) => [String(c), { $ref: `#/components/responses/E${c}` }]));
const idParam = [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }];

const unit = {
	type: 'object',
	properties: {
		id: { type: 'string', format: 'uuid' },
		parentId: { type: ['string', 'null'], format: 'uuid' },
		name: { type: 'string' },
		userCount: { type: 'integer' },
		childCount: { type: 'integer' },
		createdAt: { type: 'string', format: 'date-time' }
	}
};
const user = {
	type: 'object',
	properties: {
		id: { type: 'string', format: 'uuid' },
		name: { type: 'string' },
		email: { type: 'string', format: 'email' },
		language: { enum: ['en', 'sv'] },
		unitId: { type: ['string', 'null'], format: 'uuid' },
		jobRole: { enum: ['sales_person', 'sales_manager', null] },
		access: { enum: ['participant', 'viewer', 'admin'] },
		scopeUnitId: { type: ['string', 'null'], format: 'uuid', description: 'For viewers: the unit whose subtree they may see.' },
		createdAt: { type: 'string', format: 'date-time' },
		updatedAt: { type: 'string', format: 'date-time' }
	}
};
const error = {
	type: 'object',
	properties: {
		error: {
			type: 'object',
			properties: { code: { type: 'string' }, message: { type: 'string' }, details: { type: 'array', items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } } } },
			required: ['code', 'message']
		}
	}
};
const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: ref('Error') } } });

/** The OpenAPI 3.1 document for /api/v1; request bodies come straight from the zod schemas the API validates with. */
export function openApiDocument(serverUrl: string) {
	return {
		openapi: '3.1.0',
		info: {
			title: 'SOS API',
			version: '1.0.0',
			description:
				'Manage the units and users of one organization. Authenticate with an API token (Settings → API tokens) as `Authorization: Bearer <token>`, or with a browser session. Every id is scoped to the token’s organization: ids of other organizations answer 404.'
		},
		servers: [{ url: `${serverUrl}/api/v1` }],
		security: [{ bearer: [] }, { session: [] }],
		paths: {
			'/units': {
				get: { summary: 'List units', operationId: 'listUnits', responses: { ...ok('UnitList'), ...errors(401, 403) } },
				post: { summary: 'Create a unit', operationId: 'createUnit', requestBody: body('UnitInput'), responses: { ...ok('Unit', '201', 'Created'), ...errors(400, 401, 403, 409) } }
			},
			'/units/{id}': {
				parameters: idParam,
				get: { summary: 'Get a unit', operationId: 'getUnit', responses: { ...ok('Unit'), ...errors(401, 403, 404) } },
				patch: { summary: 'Rename or move a unit', operationId: 'updateUnit', requestBody: body('UnitPatch'), responses: { ...ok('Unit'), ...errors(400, 401, 403, 404, 409) } },
				delete: { summary: 'Delete an empty unit', description: 'Refused with 409 while the unit has users, viewers or sub-units.', operationId: 'deleteUnit', responses: { '204': { description: 'Deleted' }, ...errors(401, 403, 404, 409) } }
			},
			'/users': {
				get: {
					summary: 'List users',
					operationId: 'listUsers',
					parameters: [
						{ name: 'q', in: 'query', schema: { type: 'string', maxLength: 100 }, description: 'Search in name and email' },
						{ name: 'unitId', in: 'query', schema: { type: 'string', format: 'uuid' } },
						{ name: 'access', in: 'query', schema: { enum: ['participant', 'viewer', 'admin'] } },
						{ name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 500, default: 100 } },
						{ name: 'offset', in: 'query', schema: { type: 'integer', minimum: 0, default: 0 } }
					],
					responses: { ...ok('UserList'), ...errors(400, 401, 403) }
				},
				post: { summary: 'Create a user', operationId: 'createUser', requestBody: body('UserInput'), responses: { ...ok('User', '201', 'Created'), ...errors(400, 401, 403, 409) } }
			},
			'/users/{id}': {
				parameters: idParam,
				get: { summary: 'Get a user', operationId: 'getUser', responses: { ...ok('User'), ...errors(401, 403, 404) } },
				patch: { summary: 'Update a user', operationId: 'updateUser', requestBody: body('UserPatch'), responses: { ...ok('User'), ...errors(400, 401, 403, 404, 409) } },
				delete: { summary: 'Delete a user', operationId: 'deleteUser', responses: { '204': { description: 'Deleted' }, ...errors(401, 403, 404, 409) } }
			},
			...importPaths()
		},
		components: {
			securitySchemes: {
				bearer: { type: 'http', scheme: 'bearer', description: 'An API token created by an admin under Settings → API tokens.' },
				session: { type: 'apiKey', in: 'cookie', name: 'sos_session' }
			},
			schemas: {
				Unit: unit,
				UnitList: { type: 'object', properties: { units: { type: 'array', items: ref('Unit') } } },
				UnitInput: schema(unitInput),
				UnitPatch: schema(unitPatch),
				User: user,
				UserList: { type: 'object', properties: { users: { type: 'array', items: ref('User') }, total: { type: 'integer' }, limit: { type: 'integer' }, offset: { type: 'integer' } } },
				UserInput: schema(userInput),
				UserPatch: schema(userPatch),
				ImportPreview: importPreviewSchema,
				Error: error
			},
			responses: {
				E400: errorResponse('Invalid input: the message and details say which field and why.'),
				E401: errorResponse('Not signed in and no valid API token.'),
				E403: errorResponse('Signed in, but not allowed (admins only), or a cross-site request.'),
				E404: errorResponse('No such resource in your organization.'),
				E409: errorResponse('Conflicts with the current state (e.g. a duplicate email or a unit that is not empty).')
			}
		}
	};
}

const importPreviewSchema = {
	type: 'object',
	description: 'What applying the file would do. Nothing is written until the import is applied.',
	properties: {
		importId: { type: 'string', format: 'uuid' },
		preview: { type: 'object', description: 'Counts (rows, creates, updates, unchanged, errors, newUnits) and the rows with their errors.' }
	}
};

function importPaths() {
	return {
		'/users/import': {
			post: {
				summary: 'Preview a user import',
				description: 'Upload an .xlsx or .csv file (multipart/form-data, field `file`, at most 10 MB). Returns a preview with every row’s errors; nothing is written.',
				operationId: 'previewUserImport',
				requestBody: { required: true, content: { 'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] } } } },
				responses: { ...ok('ImportPreview', '201', 'Preview created'), ...errors(400, 401, 403) }
			}
		},
		'/users/import/{id}': {
			parameters: idParam,
			get: { summary: 'Get an import preview', operationId: 'getUserImport', responses: { ...ok('ImportPreview'), ...errors(401, 403, 404) } }
		},
		'/users/import/{id}/apply': {
			parameters: idParam,
			post: {
				summary: 'Apply an import',
				description:
					'All or nothing: refused with 400 when the preview has row errors, and with 409 when it was already applied, is more than an hour old, or the users changed since so that rows now have errors.',
				operationId: 'applyUserImport',
				responses: { '200': { description: 'Applied; counts of created and updated users and new units.' }, ...errors(400, 401, 403, 404, 409) }
			}
		},
		'/users/import/template': {
			get: {
				summary: 'Download the import template',
				operationId: 'userImportTemplate',
				parameters: [{ name: 'format', in: 'query', schema: { enum: ['xlsx', 'csv'], default: 'xlsx' } }],
				responses: { '200': { description: 'The template file' }, ...errors(400, 401, 403) }
			}
		}
	};
}
