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
		Nordics: ['Stockholm', 'Gothenburg'],
		'Central Europe': ['Hamburg', 'Munich']
	},
	'Service & Aftermarket': {
		'Service Nordics': ['Service Sweden', 'Service Norway']
	}
};

/** Executives per business area (the management team: five, so the ecosystem audit can show them as a group). */
export const demoExecutives: Record<string, number> = { 'Industrial Equipment': 3, 'Service & Aftermarket': 2 };

/**
 * The demo's ecosystem audit: the organization's level per area of the audit model, and statements that
 * sit clearly above or below their area — so that strategy and metrics disagree, and good tools are not
 * used the agreed way (two misalignments the report shows). Executives see the strategy more brightly
 * than the people who sell.
 */
export const demoAudit = {
	areas: { strategy: 3.85, structure_processes: 3.2, culture_behaviours: 3.15, kpis_compensation: 2.85 } as Record<string, number>,
	statements: {
		structure_tools_fit: 0.6,
		culture_tools_used: -0.6,
		kpis_reward_strategy: -0.3,
		kpis_incentives_long_term: 0.35,
		structure_account_development: -0.3
	} as Record<string, number>,
	/** Added to a group's answers on every statement of an area (group → area → shift). */
	groups: { executive: { strategy: 0.55, kpis_compensation: 0.4 }, sales_manager: { strategy: 0.2 } } as Record<string, Record<string, number>>
};

/**
 * What the demo's units are like (attributes, as the import's unit_ columns set them): heatmap cuts. A
 * region's value covers its teams unless a team has its own; the service region's manager has none.
 */
export const demoUnitAttributes: Record<string, Record<string, string>> = {
	Nordics: { sales_model: 'Territory', country: 'Sweden' },
	'Central Europe': { sales_model: 'Territory', country: 'Germany' },
	'Service Nordics': { sales_model: 'Territory' },
	Stockholm: { sales_model: 'Key accounts' },
	Hamburg: { sales_model: 'Key accounts' },
	'Service Sweden': { country: 'Sweden' },
	'Service Norway': { country: 'Norway' }
};

/**
 * The parts of the demo organization that run no sales contests and pay fixed salaries: everyone there
 * answers "not used in our team" to these statements (model keys), so the report shows the finding
 * where the pattern allows it (a whole team answering alike hides the statement in that team).
 */
export const demoPracticesNotUsed = {
	units: ['Central Europe', 'Service & Aftermarket'],
	statements: ['targets_7', 'targets_pay_matches_plan', 'targets_9']
} as const;

const first = [
	'Anna',
	'Erik',
	'Maria',
	'Lars',
	'Sofia',
	'Johan',
	'Emma',
	'Karl',
	'Sara',
	'Nils',
	'Ida',
	'Oskar',
	'Elin',
	'Magnus',
	'Julia',
	'Henrik',
	'Lena',
	'Peter',
	'Frida',
	'Mats',
	'Klara',
	'Jonas',
	'Astrid',
	'Viktor'
];
const last = ['Lindqvist', 'Berg', 'Nyström', 'Holm', 'Wikström', 'Sandberg', 'Ekström', 'Falk', 'Lund', 'Dahl', 'Strand', 'Ahlberg', 'Hedlund', 'Moberg'];

/** Deterministic names: the i-th demo person. */
export function demoPerson(i: number): { name: string; email: string } {
	const f = first[i % first.length];
	const l = last[(i * 7 + Math.floor(i / first.length)) % last.length];
	const email = `${f}.${l}.${i}`.toLowerCase().replace(/[^a-z0-9.]/g, '') + '@demo.example';
	return { name: `${f} ${l}`, email };
}

type Industry = 'manufacturing' | 'wholesale' | 'it_software' | 'professional_services' | 'healthcare';

/**
 * The generated organizations the demo organization is benchmarked against (never against customers):
 * five groups of six alike, so that every segment is a union of whole groups and the benchmark can show
 * each of the demo's comparisons (it withholds segments whose overlaps would single out fewer than six
 * organizations). The last group closes its round between the demo's two rounds: a later version.
 */
const groups: { industry: Industry; country: string; sizeBand: string; salesModel: string; joinsLater?: boolean }[] = [
	{ industry: 'manufacturing', country: 'SE', sizeBand: '200-999', salesModel: 'field' },
	{ industry: 'manufacturing', country: 'SE', sizeBand: '1000+', salesModel: 'inside' },
	{ industry: 'wholesale', country: 'SE', sizeBand: '50-199', salesModel: 'field' },
	{ industry: 'it_software', country: 'NO', sizeBand: '200-999', salesModel: 'key_account' },
	{ industry: 'professional_services', country: 'DK', sizeBand: '1-49', salesModel: 'new_business', joinsLater: true }
];
export const benchmarkOrganizations: { industry: Industry; country: string; sizeBand: string; salesModel: string; joinsLater?: boolean }[] = Array.from(
	{ length: 30 },
	(_, i) => groups[Math.floor(i / 6)]
);
