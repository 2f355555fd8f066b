import { describe, expect, it } from 'vitest';
import { AUDIT_GROUPS } from '$tests/group-models';
import { jobRoleWords, parseJobRole } from './values';

// The groups of a model like the audit model, with their English and Swedish names.
const roles = jobRoleWords(Object.keys(AUDIT_GROUPS.en), [AUDIT_GROUPS.en, AUDIT_GROUPS.sv]);

describe('parseJobRole', () => {
	it.each([
		['sales_person', 'sales_person'],
		['Sales person', 'sales_person'],
		['SALES-PERSON', 'sales_person'],
		['Sales people', 'sales_person'],
		['säljare', 'sales_person'],
		['Saljare', 'sales_person'],
		['salesperson', 'sales_person'],
		['seller', 'sales_person'],
		['Sales manager', 'sales_manager'],
		['säljchefer', 'sales_manager'],
		['manager', 'sales_manager'],
		['Executive', 'executive'],
		['executives', 'executive'],
		['ledningsgrupp', 'executive'],
		['LEDNINGSGRUPP', 'executive'],
		['Säljstöd', 'sales_support'],
		['saljstod', 'sales_support'],
		['sales support', 'sales_support'],
		['  sales_support  ', 'sales_support'],
		['boss', null],
		['ceo', null],
		['sales', null],
		['', null]
	])('%j → %j', (text, want) => {
		expect(parseJobRole(text, roles)).toBe(want);
	});

	it('accepts only groups the models know: an old alias of an unknown group is not recognized', () => {
		const only = jobRoleWords(['executive', 'sales_person'], [AUDIT_GROUPS.en, AUDIT_GROUPS.sv]);
		expect(only.keys).toEqual(['executive', 'sales_person']);
		expect(parseJobRole('seller', only)).toBe('sales_person');
		for (const text of ['sales_manager', 'Sales manager', 'manager', 'säljchef']) expect(parseJobRole(text, only)).toBeNull();
	});

	it('names the first group where two share a word, and a key before any name', () => {
		const clash = jobRoleWords(['lead', 'manager'], [{ lead: { one: 'Manager', other: 'Leads' }, manager: { one: 'Boss', other: 'Bosses' } }]);
		expect(parseJobRole('manager', clash)).toBe('manager');
		expect(parseJobRole('boss', clash)).toBe('manager');
		expect(parseJobRole('leads', clash)).toBe('lead');
	});
});
