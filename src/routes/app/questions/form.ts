/** The add-question form → the input `createQuestion` validates; fields for other types are ignored. */
export function questionFormInput(data: FormData): Record<string, unknown> {
	const s = (k: string) => {
		const v = data.get(k);
		return typeof v === 'string' ? v.trim() : '';
	};
	const lines = (k: string) =>
		s(k)
			.split(/\r?\n/)
			.map((l) => l.trim())
			.filter(Boolean);
	const num = (k: string) => {
		const v = s(k).replace(',', '.').replace(/\s/g, '');
		if (!v) return undefined;
		const n = Number(v);
		return Number.isFinite(n) ? n : v;
	};
	const type = s('type');
	const en: Record<string, unknown> = { text: s('enText') };
	const sv: Record<string, unknown> = {};
	if (s('svText')) sv.text = s('svText');
	if (type === 'single' || type === 'multi') {
		en.options = lines('enOptions');
		if (lines('svOptions').length) sv.options = lines('svOptions');
	}
	if (type === 'scale') {
		if (s('enLow') || s('enHigh')) en.scaleLabels = { '1': s('enLow'), '5': s('enHigh') };
		if (s('svLow') || s('svHigh')) sv.scaleLabels = { '1': s('svLow'), '5': s('svHigh') };
	}
	const input: Record<string, unknown> = { type, en };
	if (type === 'number') {
		input.min = num('min');
		input.max = num('max');
		if (s('enUnit')) en.unit = s('enUnit');
		if (s('svUnit')) sv.unit = s('svUnit');
	}
	if (Object.keys(sv).length) input.sv = sv;
	return input;
}
