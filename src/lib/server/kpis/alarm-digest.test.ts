import { describe, expect, inject, it } from 'vitest';
import { db } from '$lib/server/db';
import { createTestActor, createTestOrganization, uniqueEmail } from '$tests/fixtures';
import { emailsTo } from '$tests/mailbox';
import { emailsJob } from '$lib/server/jobs/emails';
import { installStarterKpis, saveKpiSet, listKpis } from './definitions';
import { upsertKpiValues } from './values';
import { organizationsWithKpiAlarms } from './alarm-checks';
import { sendKpiAlarmDigests } from './alarm-digest';

/**
 * The KPI owners' digest of new alarms, through the emails job and the real SMTP server. The figures are
 * of 2030 and every run names its clock, so a test server's scheduler (today's clock: those months have
 * not closed yet) never grades them: every email here is ours.
 */
const ORIGIN = 'http://sos.test';
process.env.SMTP_URL = inject('smtpUrl');
process.env.ORIGIN = ORIGIN;

/** Instants in 2030 (Stockholm is UTC+1 in winter, +2 from the end of March). */
const at = (iso: string) => new Date(iso);
const APRIL_2 = at('2030-04-02T08:00:00Z');

/**
 * An organization: Region → Team A, Team B (each with a sales person); the starter KPIs. Olivia (admin,
 * English) owns order intake; Sven (viewer of Team A, Swedish) owns sales; gross margin has no owner.
 * Plans of 100 a month for the year; actuals on plan in January and February.
 */
async function setup(tag: string) {
	const org = await createTestOrganization();
	const admin = await createTestActor(org.id, 'admin');
	await installStarterKpis({ organizationId: org.id, actor: admin });
	const unit = async (name: string, parentId: string | null = null) =>
		(await db().insertInto('units').values({ organization_id: org.id, name, parent_id: parentId }).returning('id').executeTakeFirstOrThrow()).id;
	const region = await unit(`Region ${tag}`);
	const teams = { a: await unit(`Team A ${tag}`, region), b: await unit(`Team B ${tag}`, region) };
	const person = async (
		name: string,
		access: 'admin' | 'viewer' | 'participant',
		language: 'en' | 'sv',
		unitId: string | null,
		scope: string | null = null
	) => {
		const email = uniqueEmail(name.toLowerCase());
		await db().insertInto('users').values({ organization_id: org.id, name, email, language, access, unit_id: unitId, scope_unit_id: scope }).execute();
		return email;
	};
	const olivia = await person('Olivia', 'admin', 'en', null);
	const sven = await person('Sven', 'viewer', 'sv', teams.a, teams.a);
	await person('Pia', 'participant', 'en', teams.a);
	const definitions = (await listKpis({ organizationId: org.id })).map((k) => ({
		...k.definition,
		...(k.key === 'order_intake' && { owner: olivia }),
		...(k.key === 'sales' && { owner: sven })
	}));
	await saveKpiSet({ organizationId: org.id, actor: admin, definitions });
	const write = (values: { kpi: string; team: 'a' | 'b'; month: string; plan?: string; actual?: string }[]) =>
		upsertKpiValues({
			organizationId: org.id,
			actor: admin,
			source: 'api',
			input: { values: values.map(({ team, ...v }) => ({ ...v, unit: teams[team] })) }
		});
	const months = Array.from({ length: 12 }, (_, i) => `2030-${String(i + 1).padStart(2, '0')}`);
	await write(
		['order_intake', 'sales', 'gross_margin'].flatMap((kpi) =>
			(['a', 'b'] as const).flatMap((team) => months.map((month, i) => ({ kpi, team, month, plan: '100', ...(i < 2 && { actual: '100' }) })))
		)
	);
	const run = (now: Date) => emailsJob({ organizationId: org.id }, now);
	return { org, olivia, sven, write, run };
}

/** March's actuals: order intake 30 % short in Team A (red; the region and the top amber), sales 15 % short there (amber), gross margin half in Team B (red, no owner). */
const MARCH = [
	{ kpi: 'order_intake', team: 'a', month: '2030-03', actual: '70' },
	{ kpi: 'order_intake', team: 'b', month: '2030-03', actual: '100' },
	{ kpi: 'sales', team: 'a', month: '2030-03', actual: '85' },
	{ kpi: 'sales', team: 'b', month: '2030-03', actual: '100' },
	{ kpi: 'gross_margin', team: 'a', month: '2030-03', actual: '100' },
	{ kpi: 'gross_margin', team: 'b', month: '2030-03', actual: '50' }
] as const;

const alarmLines = (text: string) => text.split('\n').filter((l) => l.startsWith('- '));

describe('the KPI owners’ digest of new alarms', () => {
	it('waits for the month to close in the organization’s zone, then sends each owner one email with their KPIs’ alarms on the units they may see', async () => {
		const o = await setup('north');
		await o.write([...MARCH]);
		// March is still open (its actuals so far are not graded): February is on plan, nothing to tell.
		await o.run(at('2030-03-31T21:00:00Z'));
		expect(emailsTo(o.olivia)).toHaveLength(0);
		// 23:30 UTC on 31 March is 01:30 on 1 April in Stockholm: March has closed.
		await o.run(at('2030-03-31T23:30:00Z'));
		const [mail, ...more] = emailsTo(o.olivia);
		expect(more).toHaveLength(0);
		expect(mail.subject).toBe('New KPI alarms for March 2030');
		const lines = alarmLines(mail.text);
		expect(lines.map((l) => l.slice(0, l.indexOf(':')))).toEqual([
			`- Order intake, ${o.org.name}`,
			'- Order intake, Region north',
			'- Order intake, Team A north'
		]);
		expect(lines[2]).toContain(
			'Team A north: Well behind plan. Month 70 against 100 (-30%), Well behind plan; Year to date 270 against 300 (-10%), Well behind plan; Forecast at this pace 1,080 against 1,200 (-10%), Well behind plan.'
		);
		expect(lines[2]).toContain(`Monthly review: ${ORIGIN}/app/kpis/review?unit=`);
		expect(lines[0]).toContain(`${ORIGIN}/app/kpis/review?unit=organization&month=2030-03`);
		expect(mail.text).toContain(`Open the KPI board: ${ORIGIN}/app/kpis?month=2030-03`);
		// Sales is Sven's; gross margin has no owner: neither is Olivia's to hear of.
		expect(mail.text).not.toMatch(/Sales|Gross margin|Team B/);

		// Sven sees Team A only, and reads Swedish.
		const [sv, ...svMore] = emailsTo(o.sven);
		expect(svMore).toHaveLength(0);
		expect(sv.subject).toBe('Nya larm på nyckeltal för mars 2030');
		expect(alarmLines(sv.text)).toEqual([expect.stringMatching(/^- Försäljning, Team A north: Efter plan\. Månad 85 mot 100 \(−15\s?%\), Efter plan/)]);
		expect(sv.text).not.toMatch(/Region|Bruttomarginal|Orderingång/);
	});

	it('tells an alarm once: not again on the next run, again only when it turns red, not when it eases', async () => {
		const o = await setup('south');
		await o.write([...MARCH]);
		await o.run(APRIL_2);
		await o.run(APRIL_2);
		expect(await sendKpiAlarmDigests({ organizationId: o.org.id, origin: ORIGIN, now: at('2030-04-03T08:00:00Z') })).toBe(0);
		expect(emailsTo(o.olivia)).toHaveLength(1);
		expect(emailsTo(o.sven)).toHaveLength(1);
		expect(await organizationsWithKpiAlarms(APRIL_2)).not.toContain(o.org.id);

		// A late correction: Team A's sales turn red (Sven hears of it), its order intake eases to amber (Olivia does not).
		await o.write([
			{ kpi: 'sales', team: 'a', month: '2030-03', actual: '70' },
			{ kpi: 'order_intake', team: 'a', month: '2030-03', actual: '85' }
		]);
		expect(await organizationsWithKpiAlarms(APRIL_2)).toContain(o.org.id);
		await o.run(APRIL_2);
		expect(emailsTo(o.olivia)).toHaveLength(1);
		const sven = emailsTo(o.sven);
		expect(sven).toHaveLength(2);
		expect(alarmLines(sven[1].text)).toEqual([expect.stringMatching(/^- Försäljning, Team A south: Långt efter plan\. Månad 70 mot 100/)]);
	});

	it('sends a new red alarm of the next month once its actuals are in, or a week after it closed with some still missing', async () => {
		const o = await setup('east');
		await o.write([...MARCH]);
		await o.run(APRIL_2);
		await o.write([
			{ kpi: 'order_intake', team: 'a', month: '2030-04', actual: '100' },
			{ kpi: 'order_intake', team: 'b', month: '2030-04', actual: '50' }
		]);
		// April's sales and gross margin have plans without actuals: the digest waits for them…
		await o.run(at('2030-05-03T08:00:00Z'));
		expect(emailsTo(o.olivia)).toHaveLength(1);
		expect(await organizationsWithKpiAlarms(at('2030-05-07T21:00:00Z'))).not.toContain(o.org.id);
		// … until a week after April closed (1 May, 00:00 in Stockholm), then grades what is in.
		expect(await organizationsWithKpiAlarms(at('2030-05-07T22:00:00Z'))).toContain(o.org.id);
		await o.run(at('2030-05-08T08:00:00Z'));
		const mails = emailsTo(o.olivia);
		expect(mails).toHaveLength(2);
		expect(mails[1].subject).toBe('New KPI alarms for April 2030');
		expect(alarmLines(mails[1].text)).toContainEqual(expect.stringMatching(/^- Order intake, Team B east: Well behind plan\. Month 50 against 100 \(-50%\)/));
	});

	it('sends exactly one email per owner when two instances run the job at once', async () => {
		const o = await setup('west');
		await o.write([...MARCH]);
		await Promise.all([o.run(APRIL_2), o.run(APRIL_2), sendKpiAlarmDigests({ organizationId: o.org.id, origin: ORIGIN, now: APRIL_2 })]);
		expect(emailsTo(o.olivia)).toHaveLength(1);
		expect(emailsTo(o.sven)).toHaveLength(1);
		const notices = await db().selectFrom('kpi_alarm_notices').select(['level']).where('organization_id', '=', o.org.id).execute();
		// Order intake: the top, the region, Team A; sales: Team A (gross margin has no owner: not told, not recorded).
		expect(notices).toHaveLength(4);
	});

	it('sends a month at once when every plan of it has its actual', async () => {
		const o = await setup('centre');
		await o.write([...MARCH]);
		await o.run(APRIL_2);
		await o.write(
			['order_intake', 'sales', 'gross_margin'].flatMap((kpi) => [
				{ kpi, team: 'a' as const, month: '2030-04', actual: kpi === 'sales' ? '40' : '100' },
				{ kpi, team: 'b' as const, month: '2030-04', actual: '100' }
			])
		);
		await o.run(at('2030-05-01T06:00:00Z'));
		const mails = emailsTo(o.sven);
		expect(mails).toHaveLength(2);
		expect(alarmLines(mails[1].text)).toEqual([expect.stringMatching(/^- Försäljning, Team A centre: Långt efter plan\. Månad 40 mot 100/)]);
	});

	it('keeps organizations apart, and tells no one of a KPI without an owner', async () => {
		const [one, two] = [await setup('one'), await setup('two')];
		await one.write([...MARCH]);
		await two.write([...MARCH]);
		await Promise.all([one.run(APRIL_2), two.run(APRIL_2)]);
		const [mail] = emailsTo(one.olivia);
		expect(emailsTo(one.olivia)).toHaveLength(1);
		expect(mail.text).toContain(one.org.name);
		expect(mail.text).not.toMatch(new RegExp(`${two.org.name}| two`));
		expect(emailsTo(two.olivia)[0].text).not.toMatch(new RegExp(`${one.org.name}| one`));

		// Without owners nothing is graded or sent, whatever the alarms.
		await db().updateTable('kpis').set({ owner_id: null }).where('organization_id', '=', two.org.id).execute();
		await two.write([{ kpi: 'order_intake', team: 'a', month: '2030-03', actual: '10' }]);
		expect(await organizationsWithKpiAlarms(APRIL_2)).not.toContain(two.org.id);
		expect(await sendKpiAlarmDigests({ organizationId: two.org.id, origin: ORIGIN, now: APRIL_2 })).toBe(0);
		expect(emailsTo(two.olivia)).toHaveLength(1);
	});
});
