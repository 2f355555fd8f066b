/** The demo organization's structure and people: fictional, generated, marked as demo. */
export const demoOrganization = {
	name: 'Nordwind Industrial (demo)',
	industry: 'manufacturing',
	country: 'SE',
	sizeBand: '200-999',
	salesModel: 'field',
	levelNames: ['Business area', 'Region', 'Team']
} as const;

export const demoTree: Record<string, Record<string, string[]>> = {
	'Industrial Equipment': {
		'Nordics': ['Stockholm', 'Gothenburg'],
		'Central Europe': ['Hamburg', 'Munich']
	},
	'Service & Aftermarket': {
		'Service Nordics': ['Service Sweden', 'Service Norway']
	}
};

const first = ['Anna', 'Erik', 'Maria', 'Lars', 'Sofia', 'Johan', 'Emma', 'Karl', 'Sara', 'Nils', 'Ida', 'Oskar', 'Elin', 'Magnus', 'Julia', 'Henrik', 'Lena', 'Peter', 'Frida', 'Mats', 'Klara', 'Jonas', 'Astrid', 'Viktor'];
const last = ['Lindqvist', 'Berg', 'Nyström', 'Holm', 'Wikström', 'Sandberg', 'Ekström', 'Falk', 'Lund', 'Dahl', 'Strand', 'Ahlberg', 'Hedlund', 'Moberg'];

/** Deterministic names: the i-th demo person. */
export function demoPerson(i: number): { name: string; email: string } {
	const f = first[i % first.length];
	const l = last[(i * 7 + Math.floor(i / first.length)) % last.length];
	const email = `${f}.${l}.${i}`.toLowerCase().replace(/[^a-z0-9.]/g, '') + '@demo.example';
	return { name: `${f} ${l}`, email };
}

type Industry = 'manufacturing' | 'wholesale' | 'it_software' | 'professional_services' | 'healthcare';

/** The generated organizations the demo organization is benchmarked against (never against customers). */
export const benchmarkOrganizations: { industry: Industry; country: string; sizeBand: string; salesModel: string }[] = Array.from({ length: 30 }, (_, i) => ({
	industry: (['manufacturing', 'wholesale', 'manufacturing', 'it_software', 'professional_services', 'healthcare'] as const)[i % 6],
	country: ['SE', 'NO', 'SE', 'DK', 'FI', 'DE', 'SE'][i % 7],
	sizeBand: ['200-999', '50-199', '1000+', '200-999', '1-49'][i % 5],
	salesModel: ['field', 'inside', 'hybrid', 'field', 'key_account', 'new_business'][i % 6]
}));
