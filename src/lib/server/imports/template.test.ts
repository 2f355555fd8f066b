import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseUserFile } from './parse';
import { buildUserTemplate } from './template';
import { validateUserRows } from './validate';
import { importJobRoles } from './job-roles';

const jobRoles = await importJobRoles();
const check = (levels: string[], header: string[], rows: string[][]) =>
	validateUserRows({ header, rows, levels, existingUsers: new Map(), existingUnitPaths: [], jobRoles });

describe('buildUserTemplate', () => {
	it.each([[['Business area', 'Region', 'Team']], [['Region']], [['Division', 'Area', 'District', 'Team', 'Pod']]])(
		'writes an xlsx the importer accepts, for levels %j',
		async (levels) => {
			const bytes = await buildUserTemplate({ format: 'xlsx', levelNames: levels });
			const file = await parseUserFile({ fileName: 'template.xlsx', bytes });
			expect(file.header.slice(0, 3)).toEqual(['name', 'email', 'language']);
			expect(file.header.slice(-2)).toEqual(['job_role', 'user_type']);
			expect(file.header).toHaveLength(5 + levels.length);
			const { preview } = check(levels, file.header, file.rows);
			expect(preview.counts).toMatchObject({ rows: 3, creates: 3, errors: 0 });
			for (const row of file.rows) expect(row[1]).toMatch(/@example\.com$/);
		}
	);

	it('has a bold, frozen header and an Instructions sheet that explains every column', async () => {
		const levels = ['Business area', 'Region', 'Team'];
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load((await buildUserTemplate({ format: 'xlsx', levelNames: levels })) as unknown as ArrayBuffer);
		const [users, help] = wb.worksheets;
		expect(users.name).toBe('Users');
		expect(users.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
		expect(users.getRow(1).getCell(1).font?.bold).toBe(true);
		expect(help.name).toBe('Instructions');
		const explained = help.getColumn(1).values.filter((v): v is string => typeof v === 'string');
		expect(explained).toEqual(expect.arrayContaining(['name', 'email', 'language', 'business_area', 'region', 'team', 'job_role', 'user_type']));
	});

	it('writes a UTF-8 CSV with a BOM that the importer accepts', async () => {
		const bytes = await buildUserTemplate({ format: 'csv', levelNames: ['Affärsområde', 'Team'] });
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const file = await parseUserFile({ fileName: 'template.csv', bytes });
		expect(file.header).toEqual(['name', 'email', 'language', 'affarsomrade', 'team', 'job_role', 'user_type']);
		expect(check(['Affärsområde', 'Team'], file.header, file.rows).preview.counts).toMatchObject({ rows: 3, errors: 0 });
	});

	it('writes no cell that a spreadsheet would run as a formula', async () => {
		const levels = ['=HYPERLINK("x")', '+Region', '-Team', '@Pod'];
		for (const format of ['xlsx', 'csv'] as const) {
			const bytes = await buildUserTemplate({ format, levelNames: levels });
			const wb = new ExcelJS.Workbook();
			if (format === 'xlsx') await wb.xlsx.load(bytes as unknown as ArrayBuffer);
			const cells: string[] = [];
			if (format === 'xlsx') wb.eachSheet((s) => s.eachRow((r) => r.eachCell((c) => cells.push(String(c.value)))));
			else
				cells.push(
					...bytes
						.toString('utf8')
						.replace(/^\uFEFF/, '')
						.split(/\r\n|,/)
				);
			expect(cells.length).toBeGreaterThan(20);
			for (const c of cells) expect(c).not.toMatch(/^[=+\-@\t\r]/);
		}
	});
});
