import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import type { Database } from '$lib/server/db/schema';
import type { Actor } from '$lib/server/auth/actor';
import { bootstrap } from '$lib/server/bootstrap/bootstrap';
import { createDemoRound } from '$lib/server/bootstrap/demo-round';
import { freshDatabase } from '$tests/fresh-db';
import { createAction, addActionNote } from '$lib/server/actions/mutations';
import { recordAudit } from '$lib/server/audit/record';
import { ORGANIZATION } from '$lib/results/view';
import { erasePerson, LABEL_COLUMNS } from './erase';
import { updateUser } from './mutations';

let db: Kysely<Database>;
let drop: () => Promise<void>;
let orgId: string;

const actorOf = (u: { id: string; email: string; name: string; access: 'admin' | 'viewer' | 'participant' }): Actor => ({
	accountId: null,
	email: u.email,
	isOperator: false,
	via: 'session',
	label: u.email,
	membership: { organizationId: orgId, organizationName: 'Demo', isDemo: true, userId: u.id, name: u.name, access: u.access, scopeUnitId: null, language: 'en' }
});

/** Every text, json and array column of the schema that holds `needle`, as "table.column (rows)". */
async function traces(needle: string): Promise<string[]> {
	const { rows: columns } = await sql<{ table_name: string; column_name: string }>`
		SELECT c.table_name, c.column_name FROM information_schema.columns c
		JOIN information_schema.tables t ON t.table_name = c.table_name AND t.table_schema = c.table_schema AND t.table_type = 'BASE TABLE'
		WHERE c.table_schema = 'public' AND c.data_type IN ('text', 'character varying', 'character', 'jsonb', 'json', 'ARRAY')`.execute(db);
	const found: string[] = [];
	for (const c of columns) {
		const { rows } = await sql<{
			n: number;
		}>`SELECT count(*)::int AS n FROM ${sql.table(c.table_name)} WHERE ${sql.ref(c.column_name)}::text ILIKE ${`%${needle}%`}`.execute(db);
		if (rows[0].n > 0) found.push(`${c.table_name}.${c.column_name} (${rows[0].n})`);
	}
	return found;
}

beforeAll(async () => {
	({ db, drop } = await freshDatabase('sos_erase'));
	await bootstrap({ demo: true }, db);
	await createDemoRound(db);
	orgId = (await db.selectFrom('users').select('organization_id as id').where('email', '=', 'admin@demo.example').executeTakeFirstOrThrow()).id;
}, 90_000);
afterAll(() => drop());

describe('erasing a person', () => {
	it('leaves no trace of them outside the pseudonymised audit log, and keeps the anonymous answers', async () => {
		const admin = await db
			.selectFrom('users')
			.select(['id', 'email', 'name', 'access'])
			.where('organization_id', '=', orgId)
			.where('access', '=', 'admin')
			.executeTakeFirstOrThrow();
		// A manager who was invited to the demo's rounds, renamed to a name no one else has.
		const invited = await db
			.selectFrom('invitations as i')
			.innerJoin('users as u', (j) => j.onRef('u.organization_id', '=', 'i.organization_id').onRef('u.id', '=', 'i.user_id'))
			.select(['u.id', 'u.email'])
			.where('i.organization_id', '=', orgId)
			.where('u.access', '=', 'participant')
			.executeTakeFirstOrThrow();
		const name = 'Zebulon Quillfeather';
		await updateUser({ organizationId: orgId, actor: actorOf({ ...admin, access: 'admin' }), userId: invited.id, input: { name } }, db);
		const person = await db
			.selectFrom('users')
			.select(['id', 'email', 'name', 'access'])
			.where('organization_id', '=', orgId)
			.where('id', '=', invited.id)
			.executeTakeFirstOrThrow();
		const me = actorOf({ ...person, access: 'admin' });
		// Things they did: an action with a note, a line in the audit log naming them in its details.
		const action = await createAction({ actor: me, input: { unitId: ORGANIZATION, title: 'Weekly pipeline review' } }, db);
		await addActionNote({ actor: me, actionId: action.id, input: { body: 'Started' } }, db);
		await recordAudit({ organizationId: orgId, actor: person.email, action: 'sign_in', details: { note: `by ${person.email}`, who: name } }, db);
		await db.insertInto('accounts').values({ email: person.email }).execute();
		await db
			.insertInto('user_imports')
			.values({
				organization_id: orgId,
				created_by: admin.email,
				file_name: 'people.xlsx',
				row_count: 1,
				error_count: 0,
				preview: JSON.stringify({ rows: [{ row: 2, name, email: person.email, unitPath: ['North'] }] })
			})
			.execute();
		const responsesBefore = await db
			.selectFrom('responses')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('organization_id', '=', orgId)
			.executeTakeFirstOrThrow();
		expect((await traces(person.email)).length).toBeGreaterThan(3);

		const { pseudonym } = await erasePerson(
			{ organizationId: orgId, actor: actorOf({ ...admin, access: 'admin' }), userId: person.id, input: { confirmEmail: person.email.toUpperCase() } },
			db
		);

		expect(await traces(person.email)).toEqual([]);
		expect(await traces(name)).toEqual([]);
		expect(await traces(person.id)).toEqual([]);
		expect((await traces(pseudonym)).join(' ')).toContain('audit_events.actor');
		const notes = await db.selectFrom('action_notes').select('author').where('organization_id', '=', orgId).where('action_id', '=', action.id).execute();
		expect(notes).toEqual([{ author: pseudonym }]);
		const responsesAfter = await db
			.selectFrom('responses')
			.select((eb) => eb.fn.countAll<number>().as('n'))
			.where('organization_id', '=', orgId)
			.executeTakeFirstOrThrow();
		expect(Number(responsesAfter.n)).toBe(Number(responsesBefore.n));
		const erased = await db
			.selectFrom('audit_events')
			.select(['actor', 'target'])
			.where('organization_id', '=', orgId)
			.where('action', '=', 'person_erased')
			.execute();
		expect(erased).toEqual([{ actor: admin.email, target: pseudonym }]);
	});

	it('asks for the email as confirmation, and keeps the last admin', async () => {
		const admins = await db
			.selectFrom('users')
			.select(['id', 'email', 'name', 'access'])
			.where('organization_id', '=', orgId)
			.where('access', '=', 'admin')
			.execute();
		const admin = actorOf({ ...admins[0], access: 'admin' });
		const participant = await db
			.selectFrom('users')
			.select(['id', 'email'])
			.where('organization_id', '=', orgId)
			.where('access', '=', 'participant')
			.executeTakeFirstOrThrow();
		await expect(
			erasePerson({ organizationId: orgId, actor: admin, userId: participant.id, input: { confirmEmail: 'someone@else.example' } }, db)
		).rejects.toMatchObject({
			code: 'validation_failed'
		});
		await expect(erasePerson({ organizationId: orgId, actor: admin, userId: participant.id, input: {} }, db)).rejects.toMatchObject({
			code: 'validation_failed'
		});
		if (admins.length === 1)
			await expect(
				erasePerson({ organizationId: orgId, actor: admin, userId: admins[0].id, input: { confirmEmail: admins[0].email } }, db)
			).rejects.toMatchObject({
				code: 'last_admin'
			});
		expect(await db.selectFrom('users').select('id').where('organization_id', '=', orgId).where('id', '=', participant.id).executeTakeFirst()).toBeTruthy();
	});

	it('matches labels by email only: erasing someone named like another person’s email rewrites nothing of theirs', async () => {
		const admin = await db
			.selectFrom('users')
			.select(['id', 'email', 'name', 'access'])
			.where('organization_id', '=', orgId)
			.where('access', '=', 'admin')
			.executeTakeFirstOrThrow();
		const before = await db
			.selectFrom('audit_events')
			.select(['id', 'actor', 'target', 'details'])
			.where('organization_id', '=', orgId)
			.orderBy('id')
			.execute();
		const decoy = await db
			.insertInto('users')
			.values({ organization_id: orgId, name: admin.email, email: 'decoy@demo.example', language: 'en' })
			.returning(['id', 'email'])
			.executeTakeFirstOrThrow();
		await erasePerson({ organizationId: orgId, actor: actorOf({ ...admin, access: 'admin' }), userId: decoy.id, input: { confirmEmail: decoy.email } }, db);
		const after = await db
			.selectFrom('audit_events')
			.select(['id', 'actor', 'target', 'details'])
			.where('organization_id', '=', orgId)
			.where(
				'id',
				'in',
				before.map((e) => e.id)
			)
			.orderBy('id')
			.execute();
		expect(after).toEqual(before);
	});

	it('names only columns that exist', async () => {
		for (const [table, column] of LABEL_COLUMNS) {
			const { rows } = await sql<{
				n: number;
			}>`SELECT count(*)::int AS n FROM information_schema.columns WHERE table_name = ${table} AND column_name = ${column}`.execute(db);
			expect(rows[0].n, `${table}.${column}`).toBe(1);
		}
	});
});
