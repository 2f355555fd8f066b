import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { validateBundle, MAX_BUNDLE_BYTES, type BundleResult } from './bundle';
import { loadModel } from './load';
import { bundleFromFolder, bundleText, fixtureBundle, lineOf } from '$tests/model-bundle';

const errorsOf = (r: BundleResult) => {
	if (!('errors' in r)) throw new Error('expected errors');
	return r.errors;
};

describe('validateBundle', () => {
	it('accepts the fixture model and gives the same model as the folder loader', async () => {
		const result = await validateBundle(bundleText(await bundleFromFolder()));
		expect('ok' in result).toBe(true);
		const fromFolder = await loadModel({ id: 'handover', version: '1.0', dir: path.resolve('tests/fixtures/models') });
		if ('ok' in result) expect(result.ok).toEqual(fromFolder);
	});

	it('names a syntax error with its line and column', async () => {
		const text = '{\n\t"model": {\n\t\t"id": "x"\n\t\t"version": "1.0"\n\t}\n}';
		const errors = errorsOf(await validateBundle(text));
		expect(errors[0]).toMatchObject({ line: 4, column: 3, message: 'A comma (,) is expected here' });
	});

	it('names a trailing comma, a comment and an unclosed string, each where it is', async () => {
		const text = '{\n  "model": 1, // note\n  "translations": {"en": "x",}\n}';
		const errors = errorsOf(await validateBundle(text));
		expect(errors.map((e) => `${e.line}:${e.column}`)).toEqual(['2:15', '3:30']);
		expect(errorsOf(await validateBundle('{"model": "abc'))[0]).toMatchObject({ line: 1, message: expect.stringContaining('closing "') });
		expect(errorsOf(await validateBundle(''))[0]).toMatchObject({ line: 1, column: 1 });
	});

	it('names every schema error, each with its path and line (not only the first ten)', async () => {
		const b = await fixtureBundle('handover');
		b.model.version = 'one';
		(b.model.areas as { statements: string[] }[])[1].statements = [];
		const en = b.translations.en as { areas: Record<string, { statements: Record<string, { text: string }> }> };
		en.areas.handover.statements.handover_notes.text = '';
		for (let i = 0; i < 12; i++) (b.translations.sv as Record<string, unknown>)[`extra${i}`] = i;
		const text = bundleText(b);
		const errors = errorsOf(await validateBundle(text));
		expect(errors.length).toBe(15);
		expect(errors).toContainEqual({ path: 'model.version', line: lineOf(text, '"version": "one"'), column: 3, message: 'Must look like 1.0' });
		expect(errors).toContainEqual(expect.objectContaining({ path: 'model.areas[1].statements', line: lineOf(text, '"statements": []') }));
		expect(errors).toContainEqual(
			expect.objectContaining({ path: 'translations.en.areas.handover.statements.handover_notes.text', line: lineOf(text, '"text": ""'), message: 'Required' })
		);
		expect(errors).toContainEqual(expect.objectContaining({ path: 'translations.sv.extra11', line: lineOf(text, '"extra11"'), message: 'Unknown field "extra11"' }));
		// In the order of the file.
		expect(errors.map((e) => e.line)).toEqual([...errors.map((e) => e.line)].sort((a, b) => a - b));
	});

	it('names what a translation lacks or adds compared with the model (cross-file errors)', async () => {
		const b = await fixtureBundle('handover');
		const sv = b.translations.sv as { areas: Record<string, { statements: Record<string, unknown> }>; groups: Record<string, unknown>; language: string };
		delete sv.areas.follow_up.statements.follow_up_review;
		sv.groups.partner = { one: 'Partner', other: 'Partners' };
		(b.translations.en as { language: string }).language = 'sv';
		const text = bundleText(b);
		const errors = errorsOf(await validateBundle(text));
		const svAt = text.indexOf('"sv": {');
		expect(errors).toEqual(
			expect.arrayContaining([
				{ path: 'translations.en.language', line: lineOf(text, '"language": "sv"'), column: 4, message: 'language is "sv" but the translation is under "en"' },
				expect.objectContaining({
					path: 'translations.sv.areas.follow_up.statements',
					line: lineOf(text, '"statements"', text.indexOf('"follow_up": {', svAt)),
					message: 'area "follow_up" is missing statement(s) follow_up_review'
				}),
				expect.objectContaining({ path: 'translations.sv.groups.partner', line: lineOf(text, '"partner"'), message: 'group(s) not in model.json: partner' })
			])
		);
	});

	it('names a field that appears twice', async () => {
		const text = bundleText(await fixtureBundle('handover')).replace('"repeatMonths": 6,', '"repeatMonths": 6,\n"repeatMonths": 3,');
		expect(errorsOf(await validateBundle(text))).toEqual([expect.objectContaining({ path: 'model.repeatMonths', message: 'The field "repeatMonths" appears twice' })]);
	});

	it('refuses a version that ships with SOS, at its version', async () => {
		const text = bundleText(await bundleFromFolder(path.resolve('models/sos/1.1')));
		const errors = errorsOf(await validateBundle(text));
		expect(errors).toEqual([{ path: 'model.version', line: lineOf(text, '"version": "1.1"'), column: 3, message: expect.stringContaining('ships with SOS') }]);
	});

	it('checks continuity against the earlier shipped version', async () => {
		const b = await bundleFromFolder(path.resolve('models/sos/1.1'));
		b.model.version = '1.9';
		expect('ok' in (await validateBundle(bundleText(b)))).toBe(true);
		const mapped = (b.model.continues as { statements: Record<string, string> }).statements;
		const key = Object.keys(mapped)[0];
		mapped[key] = 'no_such_statement';
		let errors = errorsOf(await validateBundle(bundleText(b)));
		expect(errors).toEqual([
			expect.objectContaining({ path: `model.continues.statements.${key}`, message: `continues.statements.${key}: "no_such_statement" is not a statement of 1.0` })
		]);
		(b.model.continues as { version: string }).version = '0.5';
		errors = errorsOf(await validateBundle(bundleText(b)));
		expect(errors).toEqual([expect.objectContaining({ path: 'model.continues.version', message: 'There is no version 0.5 of sos (shipped or published) to continue' })]);
	});

	it('refuses a file over the size limit, and a top level that is not a bundle', async () => {
		expect(errorsOf(await validateBundle(' '.repeat(MAX_BUNDLE_BYTES + 1)))[0].message).toMatch(/larger than 2 MB/);
		expect(errorsOf(await validateBundle('[]'))).toEqual([expect.objectContaining({ path: '(top level)', line: 1, column: 1 })]);
		expect(errorsOf(await validateBundle('{"model": {}}')).map((e) => e.path)).toContain('translations');
		expect(errorsOf(await validateBundle('['.repeat(100_000))).length).toBeGreaterThan(0);
	});
});
