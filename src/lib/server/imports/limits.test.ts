import { describe, expect, it } from 'vitest';
import { ValidationError } from '$lib/server/errors';
import { MAX_DATA_ROWS, parseUserFile } from './parse';
import { csvBytes, HEADER, millionTinyRowsXlsx, plainXlsx, userRow } from '$tests/import-files';

/** Runs `fn` and gives its result (or error) with the peak growth of this process's RSS meanwhile, in MB. */
async function withPeakRss<T>(fn: () => Promise<T>): Promise<{ result: T | unknown; growthMb: number }> {
	const before = process.memoryUsage().rss;
	let peak = before;
	const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
	const timer = setInterval(sample, 10);
	try {
		const result = await fn().catch((e: unknown) => e);
		return { result, growthMb: (sample() - before) / 1024 / 1024 };
	} finally {
		clearInterval(timer);
	}
}

const limitMessage = /more than 50,000 user rows/;

describe('parseUserFile: files past the limits are refused early, in bounded memory', () => {
	it('refuses an .xlsx with 1,000,000 tiny rows (small when zipped), naming the row limit, without unpacking it into memory', async () => {
		const bytes = millionTinyRowsXlsx();
		expect(bytes.length).toBeLessThan(10 * 1024 * 1024);
		const { result, growthMb } = await withPeakRss(() => parseUserFile({ fileName: 'hostile.xlsx', bytes }));
		expect(result).toBeInstanceOf(ValidationError);
		expect((result as Error).message).toMatch(limitMessage);
		// Loose on purpose (the budget per import is 100 MB, see bench/import.bench.ts); the whole-workbook reader took ~1 GB.
		expect(growthMb).toBeLessThan(150);
	}, 120_000);

	it('refuses a CSV with 1,000,000 tiny rows the same way', async () => {
		const bytes = csvBytes(`name,email\n${'x,y\n'.repeat(1_000_000)}`);
		const { result, growthMb } = await withPeakRss(() => parseUserFile({ fileName: 'hostile.csv', bytes }));
		expect(result).toBeInstanceOf(ValidationError);
		expect((result as Error).message).toMatch(limitMessage);
		expect(growthMb).toBeLessThan(150);
	}, 120_000);

	it('reads an .xlsx with exactly the row limit', async () => {
		const strings = [...HEADER, 'Anna', 'anna@example.com', 'en', 'Nordics', 'Stockholm', 'Team North', 'sales_person', 'participant'];
		const bytes = plainXlsx({ rows: MAX_DATA_ROWS + 1, strings, cellsPerRow: HEADER.length, cell: (r, c) => (r === 1 ? c : HEADER.length + c) });
		const parsed = await parseUserFile({ fileName: 'full.xlsx', bytes });
		expect(parsed.header).toEqual(HEADER);
		expect(parsed.rows).toHaveLength(MAX_DATA_ROWS);
		expect(parsed.rows[MAX_DATA_ROWS - 1]).toEqual(userRow({ name: 'Anna', email: 'anna@example.com' }));
	}, 120_000);

	it('refuses a shared-strings table past its cap, and more filled cells than a user list has', async () => {
		const manyStrings = plainXlsx({
			rows: 2,
			strings: (function* () {
				for (let i = 0; i < 600_000; i++) yield `s${i}`;
			})(),
			cell: (_r, c) => c
		});
		const big = await parseUserFile({ fileName: 'strings.xlsx', bytes: manyStrings }).catch((e: unknown) => e);
		expect(big).toBeInstanceOf(ValidationError);
		expect((big as Error).message).toMatch(/text table \(shared strings\) is larger than 10 MB/);
		const wide = plainXlsx({ rows: 40_000, strings: ['x'], cellsPerRow: 20, cell: () => 0 });
		await expect(parseUserFile({ fileName: 'wide.xlsx', bytes: wide })).rejects.toThrow(/more than 650,000 filled cells/);
		const wideCsv = csvBytes(Array.from({ length: 40_000 }, () => 'a,'.repeat(19) + 'a').join('\n'));
		await expect(parseUserFile({ fileName: 'wide.csv', bytes: wideCsv })).rejects.toThrow(/more than 650,000 filled cells/);
	}, 120_000);

	it('keeps blank lines as places without keeping them in memory, and refuses users past the last spreadsheet row', async () => {
		const trailing = await parseUserFile({ fileName: 'u.csv', bytes: csvBytes(`name,email\nA,a@example.com\n${',,,,\n'.repeat(2_000_000)}`) });
		expect(trailing.rows).toEqual([['A', 'a@example.com']]);
		const gap = await parseUserFile({ fileName: 'u.csv', bytes: csvBytes(`name,email\nA,a@example.com\n${'\n'.repeat(1000)}B,b@example.com\n`) });
		expect(gap.rows).toHaveLength(1002);
		expect(gap.rows[1001]).toEqual(['B', 'b@example.com']);
		await expect(parseUserFile({ fileName: 'u.csv', bytes: csvBytes(`name,email\n${'\n'.repeat(1_048_576)}B,b@example.com\n`) })).rejects.toThrow(
			/past line 1,048,576/
		);
	}, 120_000);
});
