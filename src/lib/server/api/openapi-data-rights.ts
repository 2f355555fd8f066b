import { z } from 'zod';
import { erasureInput } from '$lib/server/users/erase';
import { retentionInput } from '$lib/server/orgs/retention';
import type { OutputName } from './outputs';

/** The customer's data rights in the OpenAPI document (issue 17): erasure, the organization's export, retention. */
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const ok = (name: OutputName) => ({ '200': { description: 'OK', content: { 'application/json': { schema: ref(name) } } } });
const body = (name: string) => ({ required: true, content: { 'application/json': { schema: ref(name) } } });
const errors = (...codes: number[]) => Object.fromEntries(codes.map((c) => [String(c), { $ref: `#/components/responses/E${c}` }]));
const schema = (s: z.ZodType) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' });
const admins = 'Admins (or an admin’s API token) only.';

export function dataRightsPaths() {
	return {
		'/users/{id}/erasure': {
			parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
			post: {
				summary: 'Erase a person’s personal data',
				description: `The right to erasure: the user goes, their name and email are replaced by a pseudonym wherever SOS kept them (audit log, who created what, notes), invitations lose the address, personal KPI values go, and the account goes unless another organization has them. Anonymous answers stay. Confirm with the person’s email. The last admin cannot be erased. ${admins}`,
				operationId: 'erasePerson',
				requestBody: body('ErasureInput'),
				responses: { ...ok('Erasure'), ...errors(400, 401, 403, 404, 409) }
			}
		},
		'/organization/export': {
			get: {
				summary: 'Export everything SOS holds about the organization',
				description: `A zip (application/zip) of JSON files — people (also CSV), units, rounds, company questions, actions, decisions, experiments, KPI data, billing details, invoices, the audit log — and each published round's organization results as CSV, as the report shows them to an admin. Never answers. Audit-logged. ${admins}`,
				operationId: 'exportOrganization',
				responses: { '200': { description: 'The zip', content: { 'application/zip': { schema: { type: 'string', format: 'binary' } } } }, ...errors(401, 403) }
			}
		},
		'/organization/retention': {
			get: { summary: 'How long data is kept', operationId: 'getRetention', description: admins, responses: { ...ok('Retention'), ...errors(401, 403) } },
			put: {
				summary: 'Set how long data is kept',
				description: `Audit events older than \`auditMonths\` are deleted nightly; \`invitationMonths\` after a round closes its invitations lose their email addresses. Both 1–120. ${admins}`,
				operationId: 'setRetention',
				requestBody: body('RetentionInput'),
				responses: { ...ok('Retention'), ...errors(400, 401, 403) }
			}
		}
	};
}

export function dataRightsSchemas() {
	return { ErasureInput: schema(erasureInput), RetentionInput: schema(retentionInput) };
}
