import { describe, expect, it } from 'vitest';
import { parseUserFilter } from './filter';
import { ScimInputError } from './errors';

describe('parseUserFilter', () => {
	it('reads userName, externalId and id equality in any case, with or without the core URN', () => {
		expect(parseUserFilter('userName eq "Ann@Example.com"')).toEqual({ attribute: 'userName', value: 'Ann@Example.com' });
		expect(parseUserFilter('USERNAME EQ "a@b.se"')).toEqual({ attribute: 'userName', value: 'a@b.se' });
		expect(parseUserFilter(' externalId eq "0a1b-2c" ')).toEqual({ attribute: 'externalId', value: '0a1b-2c' });
		expect(parseUserFilter('urn:ietf:params:scim:schemas:core:2.0:User:userName eq "x@y.z"')).toEqual({ attribute: 'userName', value: 'x@y.z' });
		expect(parseUserFilter('id eq "7"')).toEqual({ attribute: 'id', value: '7' });
	});

	it('keeps escaped quotes and SQL metacharacters as plain text', () => {
		expect(parseUserFilter('userName eq "a\\"b\' OR 1=1 --"').value).toBe('a"b\' OR 1=1 --');
	});

	it('refuses other attributes, operators and shapes as invalidFilter', () => {
		for (const f of [
			'',
			'userName',
			'userName eq',
			'userName eq ann',
			'emails.value eq "a"',
			'userName co "a"',
			'userName eq "a" and active eq true',
			'userName eq "a"b"',
			'userName eq "a\\u0000b"'
		]) {
			let err: unknown;
			try {
				parseUserFilter(f);
			} catch (e) {
				err = e;
			}
			expect(err, f).toBeInstanceOf(ScimInputError);
			expect((err as ScimInputError).scimType, f).toBe('invalidFilter');
		}
	});
});
