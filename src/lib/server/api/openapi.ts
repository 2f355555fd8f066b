import { z } from 'zod';
import { unitInput, unitPatch } from '$lib/server/units/mutations';
import { mergeInput } from '$lib/server/units/merge';
import { userInput, userPatch } from '$lib/server/users/mutations';
import { answersPatch } from '$lib/server/survey/save';
import { extendInput, repeatInput, roundInput } from '$lib/server/rounds/input';
import { questionInput } from '$lib/server/questions/input';
import { resultPaths, resultSchemas } from './openapi-results';
import { followUpPaths, followUpSchemas } from './openapi-follow-up';
import { kpiPaths, kpiSchemas } from './openapi-kpis';
import { kpiReviewPaths, kpiReviewSchemas } from './openapi-kpi-reviews';
import { experimentPaths, experimentSchemas } from './openapi-experiments';
import { billingPaths } from './openapi-billing';
import { dataRightsPaths, dataRightsSchemas } from './openapi-data-rights';
import { outputJsonSchemas, type OutputName } from './outputs';

const schema = (s: z.ZodType) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const body = (name: string) => ({ required: true, content: { 'application/json': { schema: ref(name) } } });
const ok = (name: OutputName, status = '200', description = 'OK') => ({ [status]: { description, content: { 'application/json': { schema: ref(name) } } } });
const errors = (...codes: number[]) => Object.fromEntries(codes.map((c) => [String(c), { $ref: `#/components/responses/E${c}` }]));
const idParam = [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }];

const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: ref('Error') } } });

/**
 * The OpenAPI 3.1 document for /api/v1. Request bodies come straight from the zod schemas the API validates
 * with, responses from the zod output schemas every answer is parsed through (reply()).
 */
export function openApiDocument(serverUrl: string) {
	return {
		openapi: '3.1.0',
		info: {
			title: 'SOS API',
			version: '1.0.0',
			description:
				'Manage the units, users, survey rounds and company-specific questions of one organization. Authenticate with an API token (Settings → API tokens) as `Authorization: Bearer <token>`, or with a browser session. Every id is scoped to the token’s organization: ids of other organizations answer 404.'
		},
		servers: [{ url: `${serverUrl}/api/v1` }],
		security: [{ bearer: [] }, { session: [] }],
		paths: {
			'/units': {
				get: { summary: 'List units', operationId: 'listUnits', responses: { ...ok('UnitList'), ...errors(401, 403) } },
				post: {
					summary: 'Create a unit',
					operationId: 'createUnit',
					requestBody: body('UnitInput'),
					responses: { ...ok('Unit', '201', 'Created'), ...errors(400, 401, 403, 409) }
				}
			},
			'/units/{id}': {
				parameters: idParam,
				get: { summary: 'Get a unit', operationId: 'getUnit', responses: { ...ok('Unit'), ...errors(401, 403, 404) } },
				patch: {
					summary: 'Rename or move a unit',
					operationId: 'updateUnit',
					requestBody: body('UnitPatch'),
					responses: { ...ok('Unit'), ...errors(400, 401, 403, 404, 409) }
				},
				delete: {
					summary: 'Delete an empty unit',
					description: 'Refused with 409 while the unit has users, viewers or sub-units.',
					operationId: 'deleteUnit',
					responses: { '204': { description: 'Deleted' }, ...errors(401, 403, 404, 409) }
				}
			},
			'/units/{id}/merge': {
				parameters: idParam,
				post: {
					summary: 'Merge a unit into another',
					description:
						'Its sub-units, people and the viewers scoped to it move to `intoId`, it is deleted, and `intoId` takes over its history in trends. 409 when merging into itself or one of its sub-units, or when both have a sub-unit of the same name.',
					operationId: 'mergeUnit',
					requestBody: body('UnitMerge'),
					responses: { ...ok('Unit'), ...errors(400, 401, 403, 404, 409) }
				}
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
				post: {
					summary: 'Create a user',
					operationId: 'createUser',
					requestBody: body('UserInput'),
					responses: { ...ok('User', '201', 'Created'), ...errors(400, 401, 403, 409) }
				}
			},
			'/users/{id}': {
				parameters: idParam,
				get: { summary: 'Get a user', operationId: 'getUser', responses: { ...ok('User'), ...errors(401, 403, 404) } },
				patch: {
					summary: 'Update a user',
					operationId: 'updateUser',
					requestBody: body('UserPatch'),
					responses: { ...ok('User'), ...errors(400, 401, 403, 404, 409) }
				},
				delete: { summary: 'Delete a user', operationId: 'deleteUser', responses: { '204': { description: 'Deleted' }, ...errors(401, 403, 404, 409) } }
			},
			...importPaths(),
			'/survey/submit': {
				post: {
					summary: 'Submit a participant’s survey',
					description:
						'Authenticated by the invitation token, not an API token. Answers are keyed by statement and question key, merged over the saved draft: 1–5, 0 for “don’t know”, -1 for “not used in our team” (only for the statements the model offers it for), or null. Submitting twice stores one response (the second answer says alreadySubmitted). The stored response holds no person, invitation or time.',
					operationId: 'submitSurvey',
					security: [{ invitation: [] }],
					requestBody: body('SurveyAnswers'),
					responses: {
						...ok('SurveySubmitted', '200', 'Submitted'),
						...errors(400, 401, 404, 409)
					}
				}
			},
			...roundPaths(),
			...questionPaths(),
			...resultPaths(),
			...followUpPaths(),
			...kpiPaths(),
			...kpiReviewPaths(),
			...experimentPaths(),
			...billingPaths(),
			...dataRightsPaths()
		},
		components: {
			securitySchemes: {
				bearer: { type: 'http', scheme: 'bearer', description: 'An API token created by an admin under Settings → API tokens.' },
				session: { type: 'apiKey', in: 'cookie', name: 'sos_session' },
				invitation: { type: 'http', scheme: 'bearer', description: 'A participant’s invitation token: the last part of the survey link /s/<token>.' }
			},
			schemas: {
				...outputJsonSchemas(),
				UnitInput: schema(unitInput),
				UnitPatch: schema(unitPatch),
				UnitMerge: schema(mergeInput),
				UserInput: schema(userInput),
				UserPatch: schema(userPatch),
				SurveyAnswers: schema(answersPatch),
				RoundInput: schema(roundInput),
				RoundExtend: schema(extendInput),
				RoundPatch: schema(repeatInput),
				QuestionInput: schema(questionInput),
				...resultSchemas(),
				...followUpSchemas(),
				...kpiSchemas(),
				...kpiReviewSchemas(),
				...experimentSchemas(),
				...dataRightsSchemas()
			},
			responses: {
				E400: errorResponse('Invalid input: the message and details say which field and why.'),
				E401: errorResponse('Not signed in and no valid API token.'),
				E403: errorResponse('Signed in, but not allowed (admins only), or a cross-site request.'),
				E404: errorResponse('No such resource in your organization.'),
				E409: errorResponse(
					'Conflicts with the current state (e.g. a duplicate email, a unit that is not empty, or a round whose status does not allow the action).'
				)
			}
		}
	};
}

function importPaths() {
	return {
		'/users/import': {
			post: {
				summary: 'Preview a user import',
				description:
					'Upload an .xlsx or .csv file (multipart/form-data, field `file`, at most 10 MB). Returns a preview with every row’s errors; nothing is written.',
				operationId: 'previewUserImport',
				requestBody: {
					required: true,
					content: { 'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] } } }
				},
				responses: { ...ok('ImportPreview', '201', 'Preview created'), ...errors(400, 401, 403) }
			}
		},
		'/users/import/{id}': {
			parameters: idParam,
			get: { summary: 'Get an import preview', operationId: 'getUserImport', responses: { ...ok('UserImport'), ...errors(401, 403, 404) } }
		},
		'/users/import/{id}/apply': {
			parameters: idParam,
			post: {
				summary: 'Apply an import',
				description:
					'All or nothing: refused with 400 when the preview has row errors, and with 409 when it was already applied, is more than an hour old, or the users changed since so that rows now have errors.',
				operationId: 'applyUserImport',
				responses: { ...ok('ImportApplied', '200', 'Applied; counts of created and updated users and new units.'), ...errors(400, 401, 403, 404, 409) }
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

function roundPaths() {
	const action = (summary: string, operationId: string, description: string, extra: Record<string, unknown> = {}, output: OutputName = 'Round') => ({
		parameters: idParam,
		post: {
			summary,
			operationId,
			description,
			...extra,
			responses: { ...ok(output), ...errors(...('requestBody' in extra ? [400, 401, 403, 404, 409] : [401, 403, 404, 409])) }
		}
	});
	return {
		'/rounds': {
			get: { summary: 'List survey rounds', operationId: 'listRounds', responses: { ...ok('RoundList'), ...errors(401, 403) } },
			post: {
				summary: 'Create a survey round',
				description:
					'With `launch` (the default) the round is scheduled and opens at `startsAt` (now when left out): invitations are emailed then. A launched round that shares people with a round still open at its start is created all the same, with an `overlaps_open_round` warning in `warnings`. With `launch: false` it is saved as a draft. Dates left out default to: start now, end two weeks later, publish at the end, three reminders spread over the period. Dates are ISO 8601 with a time zone. With `repeatMonths` (3, 6 or 12) the round repeats: when it opens, the next round is created with the same settings, every date moved on by that many months.',
				operationId: 'createRound',
				requestBody: body('RoundInput'),
				responses: { ...ok('RoundWithWarnings', '201', 'Created'), ...errors(400, 401, 403) }
			}
		},
		'/rounds/{id}': {
			parameters: idParam,
			get: { summary: 'Get a survey round', operationId: 'getRound', responses: { ...ok('Round'), ...errors(401, 403, 404) } },
			patch: {
				summary: 'Change how often a round repeats',
				description:
					'`repeatMonths`: 3, 6, 12 or null (does not repeat). The change applies to the round’s successor too while that has not opened, so null on the current round means no further round is created. An open round that starts repeating gets its successor at once. 400 for any other value or when the round is open longer than the interval; 409 when the round has closed.',
				operationId: 'updateRound',
				requestBody: body('RoundPatch'),
				responses: { ...ok('Round'), ...errors(400, 401, 403, 404, 409) }
			}
		},
		'/rounds/{id}/launch': action(
			'Launch a draft round',
			'launchRound',
			'Schedules a draft: it opens at its start date, at once when that has passed. 409 unless the round is a draft, when its end has passed, or when nobody would be invited. When it shares people with a round still open at its start it is launched all the same, with an `overlaps_open_round` warning in `warnings`.',
			{},
			'RoundWithWarnings'
		),
		'/rounds/{id}/close': action(
			'Close a round early',
			'closeRound',
			'Closes an open round now: nobody can answer any more and unfinished answers are deleted. Results are published at the publishing date (now, if that was the end). 409 unless the round is open.'
		),
		'/rounds/{id}/extend': action(
			'Extend a round',
			'extendRound',
			'Moves the end of a scheduled or open round later (and the publishing date with it when it was the end or would come first). 409 when the round is not scheduled or open, or the new end is not later than the current one.',
			{ requestBody: body('RoundExtend') }
		),
		'/rounds/{id}/remind': action(
			'Send a reminder now',
			'remindRound',
			'Emails a reminder now to everyone invited who has not answered; nobody who has answered gets it. 409 unless the round is open, or when a reminder went out less than an hour ago.'
		),
		'/rounds/{id}/response-rates': {
			parameters: idParam,
			get: { summary: 'Live response rates per unit', operationId: 'roundResponseRates', responses: { ...ok('ResponseRates'), ...errors(401, 403, 404) } }
		}
	};
}

function questionPaths() {
	return {
		'/questions': {
			get: {
				summary: 'List company-specific questions',
				description: 'The organization’s own questions and the standard library. Each has a `ref` to put in a round’s `questions`.',
				operationId: 'listQuestions',
				parameters: [
					{
						name: 'archived',
						in: 'query',
						schema: { enum: ['true', 'false'], default: 'false' },
						description: 'Include archived questions of the organization'
					}
				],
				responses: { ...ok('QuestionList'), ...errors(400, 401, 403) }
			},
			post: {
				summary: 'Add a question of the organization',
				description:
					'English is required; Swedish texts left out fall back to the English ones. Single and multiple choice need options; number questions need min and max.',
				operationId: 'createQuestion',
				requestBody: body('QuestionInput'),
				responses: { ...ok('Question', '201', 'Created'), ...errors(400, 401, 403, 409) }
			}
		},
		'/questions/{id}': {
			parameters: idParam,
			get: { summary: 'Get a question of the organization', operationId: 'getQuestion', responses: { ...ok('Question'), ...errors(401, 403, 404) } },
			delete: {
				summary: 'Archive a question',
				description: 'New rounds can no longer include it; rounds that did keep their own copy. 409 when it is already archived.',
				operationId: 'archiveQuestion',
				responses: { '204': { description: 'Archived' }, ...errors(401, 403, 404, 409) }
			}
		}
	};
}
