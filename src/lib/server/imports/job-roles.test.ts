import { rm } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HEADER, userRow } from '$tests/import-files';
import { copyOfModels } from '$tests/models';
import { writeGroupModel } from '$tests/group-models';
import { importJobRoles } from './job-roles';
import { buildUserTemplate } from './template';
import { validateUserRows } from './validate';

// The shipped models plus a fixture model that also asks executives and sales support.
const before = process.env.SOS_MODELS_DIR;
let dir: string;
beforeAll(async () => {
	dir = await copyOfModels();
	// Its id sorts before the shipped models': its group names are the ones the registry gives.
	await writeGroupModel(dir, { id: 'a_fixture' });
	process.env.SOS_MODELS_DIR = dir;
});
afterAll(async () => {
	if (before === undefined) delete process.env.SOS_MODELS_DIR;
	else process.env.SOS_MODELS_DIR = before;
	await rm(dir, { recursive: true, force: true });
});

describe('the job roles an import accepts are the groups of the models', () => {
	it('takes any known group by key or by its English or Swedish name, and lists them all when it cannot', async () => {
		const jobRoles = await importJobRoles();
		const rows = ['Ledningsgrupp', 'Executive', 'säljstöd', 'Säljare', 'sales_manager', 'CEO'].map((jobRole, i) =>
			userRow({ name: `P${i}`, email: `p${i}@example.com`, jobRole })
		);
		const { preview, records } = validateUserRows({
			header: HEADER,
			rows,
			levels: ['Business area', 'Region', 'Team'],
			existingUsers: new Map(),
			existingUnitPaths: [],
			jobRoles
		});
		expect(records.map((r) => r.jobRole)).toEqual(['executive', 'executive', 'sales_support', 'sales_person', 'sales_manager']);
		const errors = preview.rows.find((r) => r.email === 'p5@example.com')?.errors ?? [];
		expect(errors).toHaveLength(1);
		expect(errors[0]).toMatch(/^Job role 'CEO' is not recognized \(use /);
		for (const key of ['sales_person', 'sales_manager', 'executive', 'sales_support']) expect(errors[0]).toContain(key);
	});

	it("explains the groups in the template's instructions, with their names", async () => {
		const wb = new ExcelJS.Workbook();
		await wb.xlsx.load((await buildUserTemplate({ format: 'xlsx', levelNames: ['Team'] })) as unknown as ArrayBuffer);
		const help = wb.getWorksheet('Instructions')!;
		let text = '';
		help.eachRow((row) => {
			if (row.getCell(1).value === 'job_role') text = String(row.getCell(2).value);
		});
		for (const g of [
			'sales_person (Sales person, Säljare)',
			'sales_manager (Sales manager, Säljchef)',
			'executive (Executive, Ledningsgrupp)',
			'sales_support (Sales support, Säljstöd)'
		])
			expect(text).toContain(g);
	});
});
