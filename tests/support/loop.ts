import { db } from '$lib/server/db';
import type { Access, Language } from '$lib/server/db/schema';
import { createTestActor, createTestOrganization, uniqueEmail } from '$tests/fixtures';
import { createRound } from '$lib/server/rounds/create';
import { closeRoundEarly } from '$lib/server/rounds/manage';
import { invitationToken } from '$lib/server/rounds/links';
import { resolveSurveyToken } from '$lib/server/survey/access';
import { submitSurvey } from '$lib/server/survey/submit';
import { createAction } from '$lib/server/actions/mutations';
import { emailsTo, type ReceivedEmail } from './mailbox';

/** Names without digits, so that a digit in an email can only be a figure. */
export const ROUND = 'Autumn review';
export const ORGANIZATION_NAME = 'Nordic Sales';

interface Person {
	name: string;
	email: string;
	language: Language;
	access: Access;
	unit: 'north' | 'south';
	answers: boolean;
}

/**
 * An organization (named without digits) with Team North (six people: four answer, two do not; one is
 * a viewer, who may sign in; one reads Swedish) and Team South (two people, one answers), and a round
 * that invited all eight, with real submitted answers, so that the results carry scores. The round is
 * still open: `publish()` closes and publishes it.
 */
export async function loopOrganization() {
	const org = await createTestOrganization();
	await db().updateTable('organizations').set({ name: ORGANIZATION_NAME }).where('id', '=', org.id).execute();
	const admin = await createTestActor(org.id, 'admin');
	const unit = async (name: string) => (await db().insertInto('units').values({ organization_id: org.id, name }).returning('id').executeTakeFirstOrThrow()).id;
	const units = { north: await unit('Team North'), south: await unit('Team South') };
	const spec: Omit<Person, 'email'>[] = [
		{ name: 'Anna', language: 'en', access: 'participant', unit: 'north', answers: true },
		{ name: 'Dan', language: 'en', access: 'participant', unit: 'north', answers: false },
		{ name: 'Britt', language: 'sv', access: 'participant', unit: 'north', answers: true },
		{ name: 'Cleo', language: 'en', access: 'participant', unit: 'north', answers: true },
		{ name: 'Eva', language: 'en', access: 'participant', unit: 'north', answers: false },
		{ name: 'Vera', language: 'en', access: 'viewer', unit: 'north', answers: true },
		{ name: 'Sam', language: 'en', access: 'participant', unit: 'south', answers: true },
		{ name: 'Tove', language: 'en', access: 'participant', unit: 'south', answers: false }
	];
	const people: Record<string, Person> = Object.fromEntries(spec.map((p) => [p.name, { ...p, email: uniqueEmail(p.name.toLowerCase()) }]));
	await db()
		.insertInto('users')
		.values(
			Object.values(people).map((p) => ({
				organization_id: org.id,
				name: p.name,
				email: p.email,
				language: p.language,
				access: p.access,
				unit_id: units[p.unit],
				job_role: 'sales_person' as const,
				...(p.access === 'viewer' && { scope_unit_id: units[p.unit] })
			}))
		)
		.execute();
	const round = await createRound({ organizationId: org.id, actor: admin, input: { name: ROUND, minGroupSize: 3 } });
	const invitations = await db()
		.selectFrom('invitations')
		.select(['id', 'email'])
		.where('organization_id', '=', org.id)
		.where('round_id', '=', round.id)
		.execute();
	for (const i of invitations) {
		if (!Object.values(people).find((p) => p.email === i.email)!.answers) continue;
		const r = await resolveSurveyToken({ token: await invitationToken({ organizationId: org.id, invitationId: i.id }), ip: null });
		if (r.state !== 'open') throw new Error(r.state);
		await submitSurvey({
			survey: r.survey,
			patch: { answers: Object.fromEntries(r.survey.model.statementKeys.map((k, n) => [k, 1 + (n % 5)])), questions: {} }
		});
	}
	const act = (unitId: string, title: string, extra: Record<string, unknown> = {}) =>
		createAction({ actor: admin, input: { unitId, title, reason: 'Forecasting scored low', ...extra } });
	const publish = async () => {
		const closed = await closeRoundEarly({ organizationId: org.id, actor: admin, roundId: round.id });
		if (closed.status !== 'published') throw new Error(`round is ${closed.status}`);
	};
	return { org: { ...org, name: ORGANIZATION_NAME }, admin, units, people, round, act, publish };
}

/** The emails to `to` with exactly this subject (either language's, when given two), oldest first. */
export const withSubject = (to: string, ...subjects: string[]) => emailsTo(to).filter((m) => subjects.includes(m.subject));

/**
 * Waits (up to 20 s) for the n-th email to `to` with this subject. By subject, since a test server's
 * scheduler (with a build) may also have sent the round's invitation while it was open.
 */
export async function waitForSubject(to: string, subjects: string[], n = 1): Promise<ReceivedEmail> {
	for (let i = 0; i < 200; i++) {
		const found = withSubject(to, ...subjects);
		if (found.length >= n) return found[n - 1];
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`No email #${n} "${subjects[0]}" to ${to}`);
}

/** The subjects of the two emails, in English and Swedish. */
export const PUBLISHED = [`${ROUND}: the results are published`, `${ROUND}: resultaten är publicerade`];
export const digestOf = (unit: string) => [`${ROUND}: new actions in ${unit}`, `${ROUND}: nya åtgärder i ${unit}`];
