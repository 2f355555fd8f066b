import { expect, inject, it } from 'vitest';
import http from 'node:http';
import { openRoundWith } from './support/fixture';
import { startBenchServer } from './support/server';

/** One GET as a phone browser sends it; returns the bytes on the wire (compressed) and the decoded text length. */
function get(url: string, headers: Record<string, string> = {}): Promise<{ status: number; bytes: number; body: Buffer; headers: http.IncomingHttpHeaders }> {
	return new Promise((resolve, reject) => {
		const req = http.get(url, { headers: { 'accept-encoding': 'br, gzip', accept: 'text/html,*/*', ...headers } }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes: Buffer.concat(chunks).length, body: Buffer.concat(chunks), headers: res.headers }));
		});
		req.on('error', reject);
	});
}

async function decode(r: { body: Buffer; headers: http.IncomingHttpHeaders }): Promise<string> {
	const zlib = await import('node:zlib');
	const enc = r.headers['content-encoding'];
	if (enc === 'br') return zlib.brotliDecompressSync(r.body).toString('utf8');
	if (enc === 'gzip') return zlib.gunzipSync(r.body).toString('utf8');
	return r.body.toString('utf8');
}

/** The participant's first page from the invitation link: HTML + CSS + JS, as transferred (budget 30 KB). */
it('measures the bytes of the survey’s first page', async () => {
	const f = await openRoundWith(5, 1);
	const server = await startBenchServer(inject('databaseUrl'));
	try {
		const open = await get(`${server.url}/s/${f.tokens[0]}`);
		expect(open.status).toBe(303);
		const cookie = String(open.headers['set-cookie']?.[0] ?? '').split(';')[0];
		const page = await get(new URL(String(open.headers.location), server.url).toString(), { cookie });
		expect(page.status).toBe(200);
		const html = await decode(page);
		// Stylesheets, preloaded modules and scripts, whatever the attribute order.
		const tags = [...html.matchAll(/<(link|script)\b[^>]*>/g)].map((m) => m[0]);
		const assets = tags
			.filter((t) => t.startsWith('<script') || /rel="(stylesheet|modulepreload)"/.test(t))
			.map((t) => /(?:href|src)="([^"]+)"/.exec(t)?.[1])
			.filter((a): a is string => !!a);
		let total = open.bytes + page.bytes;
		const parts = [`redirect ${open.bytes} B`, `HTML ${page.bytes} B`];
		for (const a of assets) {
			const r = await get(new URL(a, `${server.url}/s/`).toString(), { cookie });
			total += r.bytes;
			parts.push(`${a.split('/').pop()} ${r.bytes} B`);
		}
		console.log(`survey first page: ${(total / 1024).toFixed(1)} KB transferred (budget 30 KB): ${parts.join(', ')}`);
	} finally {
		await server.stop();
	}
}, 120_000);
