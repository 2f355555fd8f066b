import { z } from 'zod';
import { sql } from 'kysely';
import { db, type Db } from '$lib/server/db';
import type { SsoKind } from '$lib/server/db/schema';
import type { Actor } from '$lib/server/auth/actor';
import { config } from '$lib/server/config';
import { recordAudit } from '$lib/server/audit/record';
import { ConflictError, NotFoundError, ValidationError } from '$lib/server/errors';
import { parse } from '$lib/server/validation';
import { entraIssuer, parseDomains } from './claims';
import { issuerHostProblem, issuerProblem, providerClient } from './provider';
import { openSecret, sealSecret } from './secret';
import { hashToken } from '../tokens';

/** What an admin sees of the connection: never the secret, only that one is set. */
export interface SsoConnectionView {
	kind: SsoKind;
	tenantId: string | null;
	issuer: string;
	clientId: string;
	secretSet: true;
	domains: string[];
	autoCreate: boolean;
	autoCreateUnitId: string | null;
	requireSso: boolean;
	breakGlassUserId: string | null;
	updatedAt: Date;
	updatedBy: string;
}

export async function getSsoConnection(opts: { organizationId: string }, executor: Db = db()): Promise<SsoConnectionView | null> {
	const r = await executor.selectFrom('sso_connections').selectAll().where('organization_id', '=', opts.organizationId).executeTakeFirst();
	if (!r) return null;
	return {
		kind: r.kind,
		tenantId: r.tenant_id,
		issuer: r.issuer,
		clientId: r.client_id,
		secretSet: true,
		domains: r.domains,
		autoCreate: r.auto_create,
		autoCreateUnitId: r.auto_create_unit_id,
		requireSso: r.require_sso,
		breakGlassUserId: r.break_glass_user_id,
		updatedAt: new Date(r.updated_at),
		updatedBy: r.updated_by
	};
}

/** The connection with its secret opened, for signing in; null when the organization has none. */
export async function loadSsoClientSettings(opts: { organizationId: string }, executor: Db = db()) {
	const r = await executor.selectFrom('sso_connections').selectAll().where('organization_id', '=', opts.organizationId).executeTakeFirst();
	if (!r) return null;
	return { ...r, clientSecret: openSecret(r.client_secret_sealed, r.organization_id) };
}

/** The organization's admins: who may be the break-glass admin. */
export async function listSsoAdmins(opts: { organizationId: string }, executor: Db = db()) {
	return executor
		.selectFrom('users')
		.select(['id', 'name', 'email'])
		.where('organization_id', '=', opts.organizationId)
		.where('access', '=', 'admin')
		.orderBy('name')
		.execute();
}

const optionalText = z
	.string()
	.trim()
	.transform((v) => (v === '' ? null : v))
	.nullish()
	.transform((v) => v ?? null);

const input = z.strictObject({
	kind: z.enum(['entra', 'oidc'], { message: 'Choose Microsoft Entra ID or OpenID Connect' }),
	tenantId: optionalText.pipe(z.uuid({ message: 'Must be the directory (tenant) id, a GUID such as 72f988bf-86f1-41af-91ab-2d7cd011db47' }).nullable()),
	issuer: optionalText.pipe(z.string().max(500, 'At most 500 characters').nullable()),
	clientId: z.string().trim().min(1, 'Required').max(255, 'At most 255 characters'),
	clientSecret: optionalText.pipe(z.string().max(2000, 'At most 2000 characters').nullable()),
	domains: z.string().max(4000, 'At most 4000 characters'),
	autoCreate: z.boolean().default(false),
	autoCreateUnitId: optionalText.pipe(z.uuid({ message: 'Choose a unit' }).nullable()),
	requireSso: z.boolean().default(false),
	breakGlassUserId: optionalText.pipe(z.uuid({ message: 'Choose an admin' }).nullable())
});

const invalid = (path: string, message: string) => new ValidationError(`${path}: ${message}`, [{ path, message }]);

/**
 * Connects the organization's identity provider, or changes the connection. The provider is discovered
 * before anything is saved, so a mistyped issuer or tenant is reported here and not at the next sign-in.
 * An empty secret keeps the one set. Audited without the secret.
 */
export async function saveSsoConnection(
	opts: { organizationId: string; actor: Actor; input: unknown; ip?: string | null; keepSession?: string | null },
	executor: Db = db()
): Promise<void> {
	const v = parse(input, opts.input);
	const { organizationId } = opts;
	let issuer: string;
	if (v.kind === 'entra') {
		if (!v.tenantId) throw invalid('tenantId', 'Required');
		issuer = entraIssuer(v.tenantId, config().SOS_ENTRA_AUTHORITY);
	} else {
		if (!v.issuer) throw invalid('issuer', 'Required');
		const problem = issuerProblem(v.issuer);
		if (problem) throw invalid('issuer', problem);
		issuer = v.issuer;
	}
	const hostProblem = await issuerHostProblem(issuer);
	if (hostProblem) throw invalid(v.kind === 'entra' ? 'tenantId' : 'issuer', hostProblem);
	let domains: string[];
	try {
		domains = parseDomains(v.domains);
	} catch (err) {
		throw invalid('domains', (err as Error).message);
	}
	if (domains.length === 0) throw invalid('domains', 'Name at least one email domain, such as example.com');
	if (domains.length > 50) throw invalid('domains', 'At most 50 domains');

	const existing = await executor.selectFrom('sso_connections').selectAll().where('organization_id', '=', organizationId).executeTakeFirst();
	// The kept secret goes only to the provider it was given for: a new issuer or client needs it typed again.
	const sameProvider = existing && existing.issuer === issuer && existing.client_id === v.clientId;
	const secret = v.clientSecret ?? (sameProvider ? openSecret(existing.client_secret_sealed, organizationId) : null);
	if (!secret) throw invalid('clientSecret', existing ? 'Type the client secret again: the provider or the client changed' : 'Required');

	if (v.autoCreate) {
		if (!v.autoCreateUnitId) throw invalid('autoCreateUnitId', 'Choose the unit new people join');
		const unit = await executor
			.selectFrom('units')
			.select('id')
			.where('organization_id', '=', organizationId)
			.where('id', '=', v.autoCreateUnitId)
			.executeTakeFirst();
		if (!unit) throw invalid('autoCreateUnitId', 'The unit does not exist.');
	}
	let breakGlass: { id: string; email: string } | null = null;
	if (v.breakGlassUserId) {
		breakGlass =
			(await executor
				.selectFrom('users')
				.select(['id', 'email'])
				.where('organization_id', '=', organizationId)
				.where('id', '=', v.breakGlassUserId)
				.where('access', '=', 'admin')
				.executeTakeFirst()) ?? null;
		if (!breakGlass) throw invalid('breakGlassUserId', 'Choose one of the organization’s admins');
	}
	if (v.requireSso && !breakGlass) throw invalid('breakGlassUserId', 'Choose the admin who may still sign in with a password when single sign-on is required');

	// Home realm discovery sends a domain's people to one provider: a domain belongs to one organization.
	const taken = await executor
		.selectFrom('sso_connections')
		.select('domains')
		.where('organization_id', '!=', organizationId)
		.where(sql<boolean>`domains && ${sql.val(domains)}::text[]`)
		.executeTakeFirst();
	if (taken) {
		const clash = domains.filter((d) => taken.domains.includes(d));
		throw new ConflictError('sso_domain_taken', `Another organization already signs in its people of ${clash.join(', ')} with single sign-on.`);
	}

	try {
		await providerClient({ issuer, clientId: v.clientId, clientSecret: secret });
	} catch {
		throw invalid(
			v.kind === 'entra' ? 'tenantId' : 'issuer',
			`SOS could not read the provider's OpenID configuration at ${issuer.replace(/\/$/, '')}/.well-known/openid-configuration. Check the ${v.kind === 'entra' ? 'tenant id' : 'issuer URL'}.`
		);
	}

	const row = {
		kind: v.kind,
		tenant_id: v.kind === 'entra' ? v.tenantId!.toLowerCase() : null,
		issuer,
		client_id: v.clientId,
		client_secret_sealed: v.clientSecret ? sealSecret(v.clientSecret, organizationId) : existing!.client_secret_sealed,
		domains,
		auto_create: v.autoCreate,
		auto_create_unit_id: v.autoCreate ? v.autoCreateUnitId : null,
		require_sso: v.requireSso,
		break_glass_user_id: breakGlass?.id ?? null,
		updated_at: new Date(),
		updated_by: opts.actor.label
	};
	await executor.transaction().execute(async (trx) => {
		await trx
			.insertInto('sso_connections')
			.values({ organization_id: organizationId, ...row })
			.onConflict((oc) => oc.column('organization_id').doUpdateSet(row))
			.execute();
		// Turned on, it signs the organization's people out once, so that everyone comes back through the provider
		// (a session does not say how it began): all but the break-glass admin and the admin saving this.
		const signedOut =
			v.requireSso && !existing?.require_sso
				? await endMemberSessions({ organizationId, except: breakGlass?.id ?? null, keepSession: opts.keepSession ?? null }, trx)
				: 0;
		await recordAudit(
			{
				organizationId,
				actor: opts.actor.label,
				action: 'sso_connection_saved',
				target: issuer,
				ip: opts.ip ?? null,
				details: {
					kind: v.kind,
					clientId: v.clientId,
					secretChanged: !!v.clientSecret,
					domains,
					autoCreate: v.autoCreate,
					requireSso: v.requireSso,
					breakGlass: breakGlass?.email ?? null,
					signedOut
				}
			},
			trx
		);
	});
}

async function endMemberSessions(opts: { organizationId: string; except: string | null; keepSession: string | null }, trx: Db): Promise<number> {
	let accounts = trx
		.selectFrom('users')
		.innerJoin('accounts', 'accounts.email', 'users.email')
		.select('accounts.id')
		.where('users.organization_id', '=', opts.organizationId);
	if (opts.except) accounts = accounts.where('users.id', '!=', opts.except);
	// Every session of its members, wherever it sits now (a session can move between organizations), but those
	// begun by this organization's single sign-on.
	let sessions = trx
		.deleteFrom('sessions')
		.where('account_id', 'in', accounts)
		.where((eb) => eb.or([eb('sso_organization_id', 'is', null), eb('sso_organization_id', '!=', opts.organizationId)]));
	if (opts.keepSession) sessions = sessions.where('id', '!=', hashToken(opts.keepSession));
	const r = await sessions.executeTakeFirst();
	return Number(r.numDeletedRows);
}

/** Disconnects the provider: people sign in with a password or an email link again. Linked identities are kept for a reconnection. */
export async function removeSsoConnection(opts: { organizationId: string; actor: Actor; ip?: string | null }, executor: Db = db()): Promise<void> {
	await executor.transaction().execute(async (trx) => {
		const gone = await trx.deleteFrom('sso_connections').where('organization_id', '=', opts.organizationId).returning('issuer').executeTakeFirst();
		if (!gone) throw new NotFoundError('single sign-on connection');
		await recordAudit(
			{ organizationId: opts.organizationId, actor: opts.actor.label, action: 'sso_connection_removed', target: gone.issuer, ip: opts.ip ?? null },
			trx
		);
	});
}
