import { describe, expect, it } from 'vitest';
import { exportFilename, slugPart } from './filename';

const name = (o: Partial<Parameters<typeof exportFilename>[0]>) =>
	exportFilename({ organization: 'Nordwind Industrial (demo)', unit: 'Team Åre', isOrganization: false, round: 'Spring 2026', extension: 'pdf', ...o });

describe('export file names', () => {
	it('joins organization, unit and round slugs with single dashes', () => {
		expect(name({})).toBe('sos-nordwind-industrial-demo-team-are-spring-2026.pdf');
	});

	it('names the organization once in its own report', () => {
		expect(name({ unit: 'Nordwind Industrial (demo)', isOrganization: true, extension: 'pptx' })).toBe('sos-nordwind-industrial-demo-spring-2026.pptx');
	});

	it('never ends in a dash, nor doubles one: names ending in punctuation, empty or blank names', () => {
		expect(name({ round: 'Sales management survey, autumn (generated)' })).toBe(
			'sos-nordwind-industrial-demo-team-are-sales-management-survey-autumn-generated.pdf'
		);
		expect(name({ unit: 'Sales & Marketing –', round: 'Q3!!' })).toBe('sos-nordwind-industrial-demo-sales-marketing-q3.pdf');
		expect(name({ unit: '' })).toBe('sos-nordwind-industrial-demo-spring-2026.pdf');
		expect(name({ unit: '   ', round: '---' })).toBe('sos-nordwind-industrial-demo.pdf');
		expect(name({ organization: '', unit: '', round: '' })).toBe('sos.pdf');
		for (const n of [name({ unit: '(?)' }), name({ round: 'Höst 2026 …' }), name({ organization: '!Org!' })]) expect(n).not.toMatch(/--|-\.|^-|sos-\./);
	});

	it('keeps Swedish and other accented letters as their base letter', () => {
		expect(slugPart('Försäljning Östra Götaland')).toBe('forsaljning-ostra-gotaland');
		expect(slugPart('Ærø Søndre Straße')).toBe('aero-sondre-strasse');
		expect(slugPart('Region Nord & Öst')).toBe('region-nord-ost');
		expect(slugPart('東京')).toBe('');
	});

	it('cuts a long name at a dash, without one at the end', () => {
		const s = slugPart('Team Södra Skåne med ett mycket långt namn som måste brytas');
		expect(s.length).toBeLessThanOrEqual(40);
		expect(s).toBe('team-sodra-skane-med-ett-mycket-langt');
		expect(slugPart('a'.repeat(80))).toHaveLength(40);
	});

	it('adds a suffix where one is given (the wide CSV)', () => {
		expect(name({ extension: 'csv', suffix: 'wide' })).toBe('sos-nordwind-industrial-demo-team-are-spring-2026-wide.csv');
	});
});
