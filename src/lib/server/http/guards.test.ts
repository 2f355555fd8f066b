import { describe, expect, it } from 'vitest';
import { safeNext } from './guards';

describe('safeNext', () => {
	it('keeps same-site paths with their query and fragment', () => {
		expect(safeNext('/app/users?q=anna&page=2#top')).toBe('/app/users?q=anna&page=2#top');
		expect(safeNext('/')).toBe('/');
	});

	it('percent-encodes what a Location header cannot carry', () => {
		expect(safeNext('/app/users?q=Zoë')).toBe('/app/users?q=Zo%C3%AB');
		expect(safeNext('/a b')).toBe('/a%20b');
	});

	it('never leads to another site', () => {
		for (const next of [
			null,
			'',
			'app',
			'//evil.example',
			'///evil.example',
			'/\\evil.example',
			'/\t/evil.example',
			'/\n/evil.example',
			'/\r\nSet-Cookie: x=1',
			'/%0d%0a',
			'https://evil.example',
			'javascript:alert(1)',
			' /app',
			'/\u0000'
		]) {
			const out = safeNext(next);
			expect(out.startsWith('/') && !out.startsWith('//'), JSON.stringify(next)).toBe(true);
			expect(new URL(out, 'https://sos.example').host, JSON.stringify(next)).toBe('sos.example');
			expect(out, JSON.stringify(next)).not.toMatch(/[\u0000-\u001f\\]/);
		}
	});
});
