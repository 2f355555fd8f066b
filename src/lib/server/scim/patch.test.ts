import { describe, expect, it } from 'vitest';
import { assignmentsFrom, assignmentsFromPatch, ENTERPRISE_URN, parsePath } from './patch';
import { nameFrom, readChanges, scimBoolean } from './changes';
import { ScimInputError } from './errors';

const ops = (...Operations: unknown[]) => ({ schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations });
const scimType = (fn: () => unknown) => {
	try {
		fn();
	} catch (e) {
		if (e instanceof ScimInputError) return e.scimType;
		throw e;
	}
	return null;
};

describe('parsePath', () => {
	it('reads core, name and enterprise paths in any case, with or without their URN', () => {
		expect(parsePath('userName')).toBe('userName');
		expect(parsePath('ACTIVE')).toBe('active');
		expect(parsePath('name.givenName')).toBe('givenName');
		expect(parsePath('urn:ietf:params:scim:schemas:core:2.0:User:name.familyName')).toBe('familyName');
		expect(parsePath(`${ENTERPRISE_URN}:department`)).toBe('department');
		expect(parsePath(`${ENTERPRISE_URN.toUpperCase()}:CostCenter`)).toBe('costCenter');
		expect(parsePath('title')).toBe('title');
	});

	it('reads email paths as Entra writes them, keeping only the work (or primary) address', () => {
		expect(parsePath('emails[type eq "work"].value')).toBe('email');
		expect(parsePath('emails[type eq "Work"].value')).toBe('email');
		expect(parsePath('emails[primary eq True].value')).toBe('email');
		expect(parsePath('emails[type eq "other"].value')).toBeNull();
		expect(parsePath('emails')).toBe('email');
	});

	it('accepts attributes SOS does not keep, and refuses unknown or malformed paths as invalidPath', () => {
		for (const p of ['phoneNumbers[type eq "work"].value', 'addresses[type eq "work"].locality', 'nickName', `${ENTERPRISE_URN}:manager`, 'name.middleName'])
			expect(parsePath(p), p).toBeNull();
		for (const p of ['favouriteColour', 'name.nickname', 'emails[type ne "work"].value', 'title[', "userName'; DROP TABLE users", `${ENTERPRISE_URN}:salary`])
			expect(
				scimType(() => parsePath(p)),
				p
			).toBe('invalidPath');
	});
});

describe('assignmentsFromPatch', () => {
	it("takes Entra's ways: ops in any case, a pathless multi-attribute value with enterprise keys, string booleans", () => {
		const a = assignmentsFromPatch(
			ops(
				{ op: 'Replace', path: 'emails[type eq "work"].value', value: 'a@b.se' },
				{ op: 'Add', value: { displayName: 'Ann', [`${ENTERPRISE_URN}:department`]: 'Sales/North', 'name.givenName': 'Ann', active: 'False' } },
				{ op: 'REMOVE', path: 'title' }
			)
		);
		expect(Object.fromEntries(a)).toEqual({ email: 'a@b.se', displayName: 'Ann', department: 'Sales/North', givenName: 'Ann', active: 'False', title: null });
		expect(readChanges(a)).toMatchObject({ active: false, displayName: 'Ann', attributes: { department: 'Sales/North', title: null } });
	});

	it('takes an enterprise object and a name object as values', () => {
		const a = assignmentsFromPatch(
			ops({ op: 'replace', path: ENTERPRISE_URN, value: { department: 'X' } }, { op: 'replace', path: 'name', value: { givenName: 'A', familyName: 'B' } })
		);
		expect(Object.fromEntries(a)).toEqual({ department: 'X', givenName: 'A', familyName: 'B' });
	});

	it('refuses what is not a PatchOp', () => {
		expect(scimType(() => assignmentsFromPatch({}))).toBe('invalidSyntax');
		expect(scimType(() => assignmentsFromPatch(ops({ op: 'copy', path: 'title' })))).toBe('invalidSyntax');
		expect(scimType(() => assignmentsFromPatch(ops({ op: 'remove' })))).toBe('noTarget');
		expect(scimType(() => assignmentsFromPatch(ops({ op: 'add', value: 'x' })))).toBe('invalidValue');
		expect(scimType(() => assignmentsFromPatch(ops(...Array.from({ length: 101 }, () => ({ op: 'add', path: 'title', value: 'x' })))))).toBe('tooMany');
	});
});

describe('reading a resource', () => {
	it('picks the work address from a list, the language from preferredLanguage, and lower-cases userName', () => {
		const c = readChanges(
			assignmentsFrom({
				schemas: ['x'],
				userName: ' Ann@Example.COM ',
				emails: [
					{ type: 'home', value: 'h@x.se' },
					{ type: 'work', value: 'w@x.se' }
				],
				preferredLanguage: 'sv-SE',
				[ENTERPRISE_URN]: { department: 'A/B', employeeNumber: '1' }
			})
		);
		expect(c).toMatchObject({ userName: 'ann@example.com', language: 'sv', attributes: { department: 'A/B' } });
	});

	it('refuses wrong types as invalidValue', () => {
		expect(scimType(() => readChanges(assignmentsFrom({ active: 'yes' })))).toBe('invalidValue');
		expect(scimType(() => readChanges(assignmentsFrom({ userName: 42 })))).toBe('invalidValue');
		expect(scimType(() => readChanges(assignmentsFrom({ name: 'Ann' })))).toBe('invalidValue');
		expect(scimBoolean(' TRUE ', 'active')).toBe(true);
	});

	it('makes the name from formatted, else given and family, else displayName, else one part and the current name', () => {
		const base = { attributes: {} };
		expect(nameFrom({ ...base, formatted: 'F', givenName: 'G', familyName: 'H', displayName: 'D' }, null)).toBe('F');
		expect(nameFrom({ ...base, givenName: 'G', familyName: 'H', displayName: 'D' }, null)).toBe('G H');
		expect(nameFrom({ ...base, givenName: 'G', displayName: 'D' }, 'X Y')).toBe('D');
		expect(nameFrom({ ...base, givenName: 'Anna Maria' }, 'Anna Berg')).toBe('Anna Maria Berg');
		expect(nameFrom({ ...base, familyName: 'Lind' }, 'Anna Maria Berg')).toBe('Anna Maria Lind');
		expect(nameFrom(base, 'Anna')).toBeNull();
	});
});
