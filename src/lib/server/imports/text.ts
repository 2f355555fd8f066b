/** Small string helpers shared by the import modules (pure, no I/O). */

export const MAX_TEXT_LENGTH = 120;

/** 'Business area' → 'business_area'; 'Affärsområde' → 'affarsomrade'. */
export function slugify(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '_')
		.replace(/^_+|_+$/g, '');
}

/** Lower-cased, accents stripped, separators collapsed to one space: 'Sales_Manager' → 'sales manager'. */
export function loosen(text: string): string {
	return text
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[\s_-]+/g, ' ')
		.trim();
}

/** A value quoted for a message, shortened so one huge cell cannot flood the preview. */
export function quote(value: string, max = 60): string {
	const short = value.length > max ? `${value.slice(0, max)}…` : value;
	return `'${short}'`;
}

/** Keeps stored display strings bounded (the row's own errors say when the value was too long). */
export function clip(value: string, max = MAX_TEXT_LENGTH): string {
	return value.length > max ? `${value.slice(0, max)}…` : value;
}

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

export function hasControlCharacter(value: string): boolean {
	return CONTROL.test(value);
}

/** Case-insensitive identity of a unit path, as the database's unique index sees sibling names. */
export function unitPathKey(path: readonly string[]): string {
	return path.map((name) => name.toLowerCase()).join('\u001f');
}

/** 0 → 'A', 25 → 'Z', 26 → 'AA' (spreadsheet column letters, for messages). */
export function columnLetter(index: number): string {
	let n = index + 1;
	let out = '';
	while (n > 0) {
		const rem = (n - 1) % 26;
		out = String.fromCharCode(65 + rem) + out;
		n = Math.floor((n - 1) / 26);
	}
	return out;
}

/** Replaces unpaired UTF-16 surrogates (they cannot be stored as jsonb or text) with U+FFFD. */
export function wellFormed(value: string): string {
	return value.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}
