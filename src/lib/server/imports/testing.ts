import ExcelJS from 'exceljs';

/** Test and benchmark helpers: build import files in memory. Not used by the application. */

export const HEADER = ['name', 'email', 'language', 'business_area', 'region', 'team', 'job_role', 'user_type'];

export async function xlsxBytes(rows: ExcelJS.CellValue[][], opts: { sheets?: string[] } = {}): Promise<Uint8Array> {
	const workbook = new ExcelJS.Workbook();
	for (const name of opts.sheets ?? []) workbook.addWorksheet(name);
	const sheet = opts.sheets?.length ? workbook.worksheets[0] : workbook.addWorksheet('Users');
	for (const row of rows) sheet.addRow(row);
	return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export function csvBytes(text: string, opts: { bom?: boolean } = {}): Uint8Array {
	const body = Buffer.from(text, 'utf8');
	return new Uint8Array(opts.bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body);
}

/** A user row in the default three-level layout. */
export function userRow(p: {
	name: string;
	email: string;
	language?: string;
	units?: string[];
	jobRole?: string;
	userType?: string;
}): string[] {
	const units = p.units ?? ['Nordics', 'Stockholm', 'Team North'];
	return [p.name, p.email, p.language ?? 'en', units[0] ?? '', units[1] ?? '', units[2] ?? '', p.jobRole ?? 'sales_person', p.userType ?? 'participant'];
}
