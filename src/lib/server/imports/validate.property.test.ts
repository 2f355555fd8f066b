import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HEADER } from '$tests/import-files';
import type { ExistingUser } from './types';
import { validateUserRows } from './validate';
import { importJobRoles } from './job-roles';

const jobRoles = await importJobRoles();

const LEVELS = ['Business area', 'Region', 'Team'];

describe('validateUserRows: properties', () => {
	const cell = (values: string[]) => fc.constantFrom(...values);
	const rowArb = fc.tuple(
		fc.oneof(
			fc.string({ maxLength: 130 }).map((s) => s.trim()),
			cell(['Anna', 'Bo Ek', 'Åsa Öberg', '<b>x</b>'])
		),
		cell(['a@example.com', 'B@example.com', 'b@example.com', 'c@example.com', 'not-an-email', '', 'd@example.com', 'e@example.com']),
		cell(['', 'en', 'sv', 'Svenska', 'English', 'de']),
		cell(['', 'Nordics', 'nordics', 'Baltics']),
		cell(['', 'Stockholm', 'Riga']),
		cell(['', 'Team North', 'team north', 'Team 1']),
		cell(['', 'sales_person', 'Säljchef', 'manager', 'boss']),
		cell(['', 'participant', 'viewer', 'Läsare', 'admin'])
	);

	it('counts add up, and re-validating what would be written shows everything unchanged', () => {
		fc.assert(
			fc.property(fc.array(rowArb, { maxLength: 12 }), (tuples) => {
				const rows = tuples.map((t) => [...t]);
				const first = validateUserRows({ header: HEADER, rows, levels: LEVELS, existingUsers: new Map(), existingUnitPaths: [], jobRoles });
				const c = first.preview.counts;
				expect(c.creates + c.updates + c.unchanged + c.errors).toBe(c.rows);
				expect(c.creates).toBe(first.records.length);
				const written = new Map<string, ExistingUser>(
					first.records.map((r, i) => [
						r.email,
						{
							id: String(i),
							name: r.name,
							language: r.language,
							unitPath: r.unitPath,
							jobRole: r.jobRole,
							access: r.access,
							scopeUnitPath: r.access === 'viewer' ? r.unitPath : null
						}
					])
				);
				const again = validateUserRows({ header: HEADER, rows, levels: LEVELS, existingUsers: written, existingUnitPaths: first.preview.newUnits, jobRoles });
				expect(again.preview.counts).toEqual({ ...c, creates: 0, unchanged: c.creates, newUnits: 0 });
			}),
			{ numRuns: 300 }
		);
	});
});
