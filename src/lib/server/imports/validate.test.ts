import { describe, expect, it } from 'vitest';
import { ValidationError } from '$lib/server/errors';
import { HEADER, userRow } from '$tests/import-files';
import type { ExistingUser } from './types';
import { DETAIL_LIMIT, validateUserRows } from './validate';
import { importJobRoles } from './job-roles';

const jobRoles = await importJobRoles();

const LEVELS = ['Business area', 'Region', 'Team'];
const UNITS = [['Nordics'], ['Nordics', 'Stockholm'], ['Nordics', 'Stockholm', 'Team North']];

function existing(over: Partial<ExistingUser> = {}): ExistingUser {
	return {
		id: '00000000-0000-4000-8000-000000000001',
		name: 'Anna Lindqvist',
		language: 'sv',
		unitPath: ['Nordics', 'Stockholm', 'Team North'],
		jobRole: 'sales_person',
		access: 'participant',
		scopeUnitPath: null,
		...over
	};
}

function run(rows: string[][], opts: { header?: string[]; users?: Record<string, ExistingUser> } = {}) {
	return validateUserRows({
		header: opts.header ?? HEADER,
		rows,
		levels: LEVELS,
		existingUsers: new Map(Object.entries(opts.users ?? {})),
		existingUnitPaths: UNITS,
		jobRoles
	});
}

const errorsOf = (row: string[], users?: Record<string, ExistingUser>) => run([row], { users }).preview.rows[0]?.errors ?? [];

describe('validateUserRows: row errors', () => {
	const base = { name: 'Anna Lindqvist', email: 'anna@example.com' };
	it.each([
		['name missing', userRow({ ...base, name: '' }), 'Name is required'],
		['name too long', userRow({ ...base, name: 'x'.repeat(121) }), 'Name is longer than 120 characters'],
		['name with a line break', userRow({ ...base, name: 'Anna\nLindqvist' }), 'Name contains a line break or another control character'],
		['email missing', userRow({ ...base, email: '' }), 'Email is required'],
		['email invalid', userRow({ ...base, email: 'anna(at)example.com' }), "Email 'anna(at)example.com' is not a valid address"],
		['email with non-ASCII letters', userRow({ ...base, email: 'åsa@example.com' }), "Email 'åsa@example.com' is not a valid address"],
		['language unsupported', userRow({ ...base, language: 'de' }), "Language 'de' is not supported (use en or sv)"],
		[
			'job role unknown',
			userRow({ ...base, jobRole: 'boss' }),
			"Job role 'boss' is not recognized (use executive, sales_manager, sales_person, sales_support)"
		],
		[
			'job role blank for a participant',
			userRow({ ...base, jobRole: '' }),
			'Job role is required for participants (use executive, sales_manager, sales_person, sales_support)'
		],
		['user type unknown', userRow({ ...base, userType: 'guest' }), "User type 'guest' is not recognized (use participant or viewer)"],
		['user type admin', userRow({ ...base, userType: 'admin' }), "User type 'admin' cannot be set by an import (use participant or viewer)"],
		['no unit at all', userRow({ ...base, units: ['', '', ''] }), 'Business area is required'],
		['gap: region blank, team set', userRow({ ...base, units: ['Nordics', '', 'Team North'] }), 'Region is missing while Team is set'],
		['gap: top blank', userRow({ ...base, units: ['', 'Stockholm', ''] }), 'Business area is missing while Region is set'],
		['unit name too long', userRow({ ...base, units: ['Nordics', 'r'.repeat(121), ''] }), 'Region is longer than 120 characters']
	])('%s', (_, row, message) => {
		expect(errorsOf(row)).toEqual([message]);
	});

	it('marks every row of a repeated email (case-insensitive) with the other rows', () => {
		const { preview } = run([
			userRow({ name: 'A', email: 'anna@example.com' }),
			userRow({ name: 'B', email: 'bo@example.com' }),
			userRow({ name: 'C', email: 'ANNA@example.com' }),
			[],
			userRow({ name: 'D', email: 'anna@example.com' })
		]);
		const byRow = new Map(preview.rows.map((r) => [r.rowNumber, r.errors]));
		expect(byRow.get(2)).toEqual(['Email also on rows 4, 6']);
		expect(byRow.get(4)).toEqual(['Email also on rows 2, 6']);
		expect(byRow.get(6)).toEqual(['Email also on rows 2, 4']);
		expect(preview.counts).toMatchObject({ rows: 4, errors: 3, creates: 1 });
	});

	it('treats markup and SQL-looking text as data', () => {
		const row = userRow({ name: "<script>alert('x')</script>", email: 'x@example.com', units: ["Robert'); DROP TABLE units;--", '', ''] });
		const { preview, records } = run([row]);
		expect(preview.rows[0].errors).toEqual([]);
		expect(records[0].name).toBe("<script>alert('x')</script>");
	});

	it('names a missing column and warns about unknown ones', () => {
		expect(() => run([], { header: ['name', 'email', 'business_area', 'region', 'team', 'user_type'] })).toThrow(/missing the column 'job_role'/);
		expect(() => run([], { header: HEADER.filter((h) => h !== 'region') })).toThrow(ValidationError);
		const { preview } = run([userRow({ name: 'A', email: 'a@example.com' })], { header: [...HEADER, 'Department'] });
		expect(preview.warnings).toEqual(["Unknown column ignored: 'Department' (column I)."]);
	});

	it('matches headers case-insensitively, by level display name or slug, in any order', () => {
		const header = ['E-mail', 'NAME', 'Team', 'Business Area', 'REGION', 'Job role', 'User type', 'Language'];
		const row = ['a@example.com', 'Anna', 'Team North', 'Nordics', 'Stockholm', 'sales_person', 'viewer', 'sv'];
		const { records } = run([row], { header });
		expect(records[0]).toMatchObject({
			email: 'a@example.com',
			name: 'Anna',
			unitPath: ['Nordics', 'Stockholm', 'Team North'],
			access: 'viewer',
			language: 'sv'
		});
	});
});

describe('validateUserRows: accepted values', () => {
	const one = (over: Parameters<typeof userRow>[0]) => run([userRow(over)]).records[0];
	const p = { name: 'A', email: 'a@example.com' };
	it.each(['sales_person', 'Sales person', 'SALESPERSON', 'sales-person', 'Säljare', 'saljare'])('job role %s → sales_person', (v) => {
		expect(one({ ...p, jobRole: v }).jobRole).toBe('sales_person');
	});
	it.each(['sales_manager', 'Sales Manager', 'manager', 'Säljchef'])('job role %s → sales_manager', (v) => {
		expect(one({ ...p, jobRole: v }).jobRole).toBe('sales_manager');
	});
	it.each([
		['participant', 'participant'],
		['Deltagare', 'participant'],
		['VIEWER', 'viewer'],
		['läsare', 'viewer']
	])('user type %s → %s', (v, want) => {
		expect(one({ ...p, userType: v }).access).toBe(want);
	});
	it.each([
		['en', 'en'],
		['English', 'en'],
		['sv', 'sv'],
		['Svenska', 'sv'],
		['swedish', 'sv'],
		['', 'en']
	])('language %s → %s', (v, want) => {
		expect(one({ ...p, language: v }).language).toBe(want);
	});
	it('lowercases emails and allows blank trailing levels', () => {
		const r = one({ ...p, email: 'Anna.L@Example.COM', units: ['Nordics', 'Stockholm', ''] });
		expect(r.email).toBe('anna.l@example.com');
		expect(r.unitPath).toEqual(['Nordics', 'Stockholm']);
	});
	it('lets a viewer have no job role', () => {
		expect(one({ ...p, jobRole: '', userType: 'viewer' }).jobRole).toBeNull();
	});
});

describe('validateUserRows: against existing data', () => {
	const anna = existing();
	it('finds unchanged, updated and created users', () => {
		const { preview } = run(
			[
				userRow({ name: 'Anna Lindqvist', email: 'ANNA@example.com', language: 'sv', units: ['nordics', 'STOCKHOLM', 'team north'] }),
				userRow({ name: 'Bo', email: 'bo@example.com', units: ['Nordics', 'Oslo', 'Team West'] })
			],
			{ users: { 'anna@example.com': anna } }
		);
		expect(preview.counts).toEqual({ rows: 2, creates: 1, updates: 0, unchanged: 1, errors: 0, newUnits: 2, unitAttributes: 0 });
		expect(preview.newUnits).toEqual([
			['Nordics', 'Oslo'],
			['Nordics', 'Oslo', 'Team West']
		]);
		expect(preview.rows.map((r) => r.action)).toEqual(['create']);
	});

	it('describes what an update changes', () => {
		const row = userRow({ name: 'Anna Berg', email: 'anna@example.com', language: 'sv', units: ['Nordics', 'Stockholm', ''], userType: 'viewer' });
		const { preview } = run([row], { users: { 'anna@example.com': anna } });
		expect(preview.rows[0]).toMatchObject({ action: 'update', errors: [] });
		expect(preview.rows[0].changes).toEqual([
			"Name: 'Anna Lindqvist' → 'Anna Berg'",
			'Unit: Nordics / Stockholm / Team North → Nordics / Stockholm',
			'User type: participant → viewer'
		]);
	});

	it('keeps an admin an admin, with a note and not an error', () => {
		const admin = existing({ access: 'admin' });
		const { preview, records } = run([userRow({ name: 'Anna Lindqvist', email: 'anna@example.com', language: 'sv', userType: 'viewer' })], {
			users: { 'anna@example.com': admin }
		});
		expect(records[0].access).toBe('admin');
		expect(preview.rows[0]).toMatchObject({ action: 'unchanged', errors: [], notes: ["Stays admin: user type 'viewer' does not change an admin's access"] });
	});

	it('keeps existing values for blank optional cells', () => {
		const sv = existing({ jobRole: 'sales_manager' });
		const { records } = run([userRow({ name: 'Anna Lindqvist', email: 'anna@example.com', language: '', jobRole: '', userType: '' })], {
			users: { 'anna@example.com': sv }
		});
		expect(records[0]).toMatchObject({ language: 'sv', jobRole: 'sales_manager', access: 'participant', action: 'unchanged' });
	});

	it('sees a viewer whose scope is not their unit as an update', () => {
		const viewer = existing({ access: 'viewer', scopeUnitPath: ['Nordics'] });
		const { preview } = run([userRow({ name: 'Anna Lindqvist', email: 'anna@example.com', language: 'sv', userType: 'viewer' })], {
			users: { 'anna@example.com': viewer }
		});
		expect(preview.rows[0].changes).toEqual(['Viewer scope: Nordics → Nordics / Stockholm / Team North']);
	});
});

describe('validateUserRows: limits', () => {
	it('keeps the first 1000 error rows in detail and counts all', () => {
		const rows = Array.from({ length: 1500 }, (_, i) => userRow({ name: `U${i}`, email: `u${i}@example.com`, language: i % 2 ? 'de' : 'en' }));
		const { preview } = run(rows);
		expect(preview.counts).toMatchObject({ rows: 1500, errors: 750, creates: 750 });
		expect(preview.rows.filter((r) => r.errors.length > 0)).toHaveLength(750);
		const many = Array.from({ length: 2500 }, (_, i) => userRow({ name: `U${i}`, email: `u${i}@example.com`, language: 'xx' }));
		const big = run(many).preview;
		expect(big.counts.errors).toBe(2500);
		expect(big.rows).toHaveLength(DETAIL_LIMIT);
		expect(big.omitted.errorRows).toBe(1500);
	});
});
