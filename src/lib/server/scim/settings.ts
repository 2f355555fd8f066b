import { z } from 'zod';
import { db, type Db } from '$lib/server/db';
import type { Actor } from '$lib/server/auth/actor';
import type { ScimJobRoleAttribute, ScimUnitAttribute } from '$lib/server/db/schema';
import { recordAudit } from '$lib/server/audit/record';
import { parse } from '$lib/server/validation';

export const UNIT_ATTRIBUTES = ['department', 'division', 'organization', 'costCenter', 'none'] as const satisfies readonly ScimUnitAttribute[];
export const JOB_ROLE_ATTRIBUTES = ['title', 'userType', 'none'] as const satisfies readonly ScimJobRoleAttribute[];

export interface ScimSettings {
	/** The SCIM attribute whose value is the person's unit path ("Sales/North/Team 1"); 'none' leaves units alone. */
	unitAttribute: ScimUnitAttribute;
	/** The SCIM attribute whose value names the person's job role ("Sales manager", "Säljare"); 'none' leaves roles alone. */
	jobRoleAttribute: ScimJobRoleAttribute;
}

const DEFAULTS: ScimSettings = { unitAttribute: 'department', jobRoleAttribute: 'title' };

export const scimSettingsInput = z.strictObject({
	unitAttribute: z.enum(UNIT_ATTRIBUTES, 'Choose one of the listed attributes'),
	jobRoleAttribute: z.enum(JOB_ROLE_ATTRIBUTES, 'Choose one of the listed attributes')
});

export async function getScimSettings(opts: { organizationId: string }, executor: Db = db()): Promise<ScimSettings> {
	const row = await executor
		.selectFrom('scim_settings')
		.select(['unit_attribute as unitAttribute', 'job_role_attribute as jobRoleAttribute'])
		.where('organization_id', '=', opts.organizationId)
		.executeTakeFirst();
	return row ?? DEFAULTS;
}

export async function saveScimSettings(opts: { organizationId: string; actor: Actor; input: unknown }, executor: Db = db()): Promise<ScimSettings> {
	const input = parse(scimSettingsInput, opts.input);
	const values = { unit_attribute: input.unitAttribute, job_role_attribute: input.jobRoleAttribute, updated_at: new Date(), updated_by: opts.actor.label };
	await executor
		.insertInto('scim_settings')
		.values({ organization_id: opts.organizationId, ...values })
		.onConflict((oc) => oc.column('organization_id').doUpdateSet(values))
		.execute();
	await recordAudit({ organizationId: opts.organizationId, actor: opts.actor.label, action: 'scim_settings_changed', details: { ...input } }, executor);
	return input;
}
