import ExcelJS from 'exceljs';
import { groupNames, knownGroups } from '$lib/server/models/registry';
import { expectedColumns } from './columns';

/** Example values per level (top first); deeper levels get a generic name. */
const LEVEL_EXAMPLES = [
	['Nordics', 'Nordics', 'Nordics'],
	['Stockholm', 'Stockholm', 'Gothenburg'],
	['Team North', 'Team North', ''],
	['Key accounts', 'Key accounts', '']
];

/** The groups the models know, each with its English and Swedish names, as the template explains them. */
interface TemplateRole {
	key: string;
	names: string[];
}

async function templateRoles(): Promise<TemplateRole[]> {
	const [keys, en, sv] = await Promise.all([knownGroups(), groupNames('en'), groupNames('sv')]);
	return keys.map((key) => ({ key, names: [...new Set([en[key]?.one, sv[key]?.one].filter((n): n is string => !!n && n !== key))] }));
}

function exampleRows(levelNames: readonly string[], roles: readonly TemplateRole[]): string[][] {
	// A sales person and two managers where the models know those groups; otherwise their first groups.
	const key = (k: string, i: number) => (roles.some((r) => r.key === k) ? k : ((roles[i] ?? roles[0])?.key ?? ''));
	const people = [
		{ name: 'Anna Lindqvist', email: 'anna.lindqvist@example.com', language: 'sv', role: key('sales_person', 0), type: 'participant' },
		{ name: 'James Carter', email: 'james.carter@example.com', language: 'en', role: key('sales_manager', 1), type: 'participant' },
		{ name: 'Maria Berg', email: 'maria.berg@example.com', language: 'sv', role: key('sales_manager', 1), type: 'viewer' }
	];
	return people.map((p, i) => {
		// The third person (a regional manager) belongs to the second level only, to show blank lower levels.
		const units = levelNames.map((name, level) => {
			if (i === 2 && level >= 2) return '';
			return LEVEL_EXAMPLES[level]?.[i] ?? `${name} 1`;
		});
		return [p.name, p.email, p.language, ...units, p.role, p.type].map(safeCell);
	});
}

/** Neutralizes text a spreadsheet would run as a formula (starting with = + - @, tab or CR). */
export function safeCell(value: string): string {
	return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function roleHelp(roles: readonly TemplateRole[]): string {
	const list = roles.map((r) => (r.names.length ? `${r.key} (${r.names.join(', ')})` : r.key)).join('; ');
	return `The person's respondent group, one of: ${list}. The key or a name works, in any case. Required for participants; blank keeps an existing user's job role.`;
}

function instructions(levelNames: readonly string[], roles: readonly TemplateRole[]): string[][] {
	const levels = expectedColumns(levelNames).slice(3, 3 + levelNames.length);
	return [
		['Column', 'What to enter'],
		['name', 'Full name, at most 120 characters. Required.'],
		['email', 'Work email address. Required and unique: a user whose email is already in SOS is updated, never duplicated.'],
		['language', 'en (English) or sv (Swedish). Blank: en for new users, unchanged for existing users.'],
		...levels.map((col, i) => [
			col,
			`${levelNames[i]}: the unit's name.${i === 0 ? ' Required.' : ` Leave blank if the person belongs to the ${levelNames[i - 1]} itself; if it is filled in, every level above it must be too.`} Units that do not exist yet are created.`
		]),
		['job_role', roleHelp(roles)],
		[
			'user_type',
			'participant (answers surveys) or viewer (also answers, and sees results for their unit). Blank: participant for new users, unchanged for existing users. Admins stay admins.'
		],
		[
			'unit_…',
			"Optional, any number up to 10: an attribute of the person's unit, e.g. unit_sales_model (Field, Inside) or unit_country. One value per unit; a region's value covers its teams unless a team has its own. Used to cut the heatmap; blank leaves the unit's value as it is."
		],
		['', ''],
		['', 'Column names are not case-sensitive; the order does not matter; extra columns are ignored.'],
		['', 'Users who are not in the file are left as they are. Nothing is imported until you confirm the preview, and a file with errors imports nothing.'],
		['', 'Save as .xlsx, or as CSV UTF-8 (comma or semicolon separated). At most 50,000 users and 10 MB per file.']
	].map((row) => row.map(safeCell));
}

async function buildXlsx(header: string[], rows: string[][], levelNames: readonly string[], roles: readonly TemplateRole[]): Promise<Buffer> {
	const workbook = new ExcelJS.Workbook();
	const users = workbook.addWorksheet('Users', { views: [{ state: 'frozen', ySplit: 1 }] });
	users.addRow(header).font = { bold: true };
	for (const row of rows) users.addRow(row);
	users.columns.forEach((col, i) => (col.width = i === 1 ? 32 : Math.max(14, header[i].length + 4)));
	const help = workbook.addWorksheet('Instructions');
	for (const row of instructions(levelNames, roles)) help.addRow(row);
	help.getRow(1).font = { bold: true };
	help.getColumn(1).width = 18;
	help.getColumn(2).width = 110;
	return Buffer.from(await workbook.xlsx.writeBuffer());
}

function csvField(value: string): string {
	return /[",;\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The downloadable import template: the header row and three example rows (xlsx adds an Instructions sheet). */
export async function buildUserTemplate(opts: { format: 'xlsx' | 'csv'; levelNames: readonly string[] }): Promise<Buffer> {
	const header = expectedColumns(opts.levelNames);
	const roles = await templateRoles();
	const rows = exampleRows(opts.levelNames, roles);
	if (opts.format === 'xlsx') return buildXlsx(header, rows, opts.levelNames, roles);
	const text = [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
	return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
}
