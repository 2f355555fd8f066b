import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

type Names = Record<string, { one: string; other: string }>;

/** Groups like the audit model's, with English and Swedish names. */
export const AUDIT_GROUPS: Record<'en' | 'sv', Names> = {
	en: {
		executive: { one: 'Executive', other: 'Executives' },
		sales_manager: { one: 'Sales manager', other: 'Sales managers' },
		sales_person: { one: 'Sales person', other: 'Sales people' },
		sales_support: { one: 'Sales support', other: 'Sales support' }
	},
	sv: {
		executive: { one: 'Ledningsgrupp', other: 'Ledningsgrupp' },
		sales_manager: { one: 'Säljchef', other: 'Säljchefer' },
		sales_person: { one: 'Säljare', other: 'Säljare' },
		sales_support: { one: 'Säljstöd', other: 'Säljstöd' }
	}
};

/**
 * Writes `<dir>/<id>/1.0`, a model with SOS 1.0's areas and statements but its own respondent groups
 * (`names`: by language, each group's names; the groups in the order of the first language's).
 * For tests of what a model's groups decide (who a round invites, which job roles are known).
 */
export async function writeGroupModel(dir: string, opts: { id: string; names?: Record<'en' | 'sv', Names> }): Promise<string[]> {
	const names = opts.names ?? AUDIT_GROUPS;
	const groups = Object.keys(names.en);
	const source = path.join(dir, 'sos', '1.0');
	const target = path.join(dir, opts.id, '1.0');
	await mkdir(target, { recursive: true });
	const { gap: _, ...structure } = JSON.parse(await readFile(path.join(source, 'model.json'), 'utf8'));
	await writeFile(path.join(target, 'model.json'), JSON.stringify({ ...structure, id: opts.id, version: '1.0', groups }, null, '\t'));
	for (const file of (await readdir(source)).filter((f) => f !== 'model.json')) {
		const t = JSON.parse(await readFile(path.join(source, file), 'utf8'));
		t.groups = names[file.replace('.json', '') as 'en' | 'sv'] ?? names.en;
		await writeFile(path.join(target, file), JSON.stringify(t, null, '\t'));
	}
	return groups;
}
