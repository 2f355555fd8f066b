/** Letters that do not decompose into a base letter and a mark (NFKD leaves them as they are). */
const LETTERS: Record<string, string> = { æ: 'ae', ø: 'o', ß: 'ss', đ: 'd', ð: 'd', þ: 'th', ł: 'l', œ: 'oe', ı: 'i' };

/**
 * A name as a part of a file name: ASCII letters and digits in lower case, words joined by single dashes,
 * none at either end; å ä ö (and other accented letters) become their base letter. At most `max`
 * characters, cut at a dash where one is near. Empty when nothing is left.
 */
export function slugPart(text: string, max = 40): string {
	const ascii = text
		.toLowerCase()
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.replace(/[^ -~]/g, (c) => LETTERS[c] ?? '-');
	const slug = ascii.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
	if (slug.length <= max) return slug;
	const cut = slug.slice(0, max);
	const dash = cut.lastIndexOf('-');
	return (dash >= max / 2 ? cut.slice(0, dash) : cut).replace(/-+$/, '');
}

/**
 * The download name of a report: "sos-<organization>-<unit>-<round>.<extension>", the unit left out when
 * it is the organization itself (or has no name), never a trailing or doubled dash.
 */
export function exportFilename(opts: {
	organization: string;
	unit: string;
	isOrganization: boolean;
	round: string;
	extension: string;
	suffix?: string;
}): string {
	const parts = [
		'sos',
		slugPart(opts.organization),
		opts.isOrganization ? '' : slugPart(opts.unit),
		slugPart(opts.round),
		opts.suffix ? slugPart(opts.suffix) : ''
	];
	return `${parts.filter(Boolean).join('-')}.${opts.extension}`;
}
