import http from 'node:http';

export interface OpenLoopOptions {
	url: string;
	/** Keep-alive connections the requests spread over. */
	connections: number;
	/** Average arrivals per second (Poisson: exponential gaps), independent of how fast answers come. */
	ratePerSecond: number;
	requests: { headers: Record<string, string>; body: string }[];
}

/**
 * Sends each request once, POST, at random (Poisson) arrival times averaging `ratePerSecond`, over
 * `connections` keep-alive connections: how participants arrive, not how a saturating client hammers.
 * Returns each request's latency in ms (from its scheduled arrival, so queueing counts) and the errors.
 */
export async function openLoop(opts: OpenLoopOptions): Promise<{ latencies: number[]; errors: number }> {
	const agent = new http.Agent({ keepAlive: true, maxSockets: opts.connections });
	const u = new URL(opts.url);
	const latencies: number[] = [];
	let errors = 0;
	const send = (r: OpenLoopOptions['requests'][number], scheduled: number) =>
		new Promise<void>((resolve) => {
			const req = http.request(
				{ host: u.hostname, port: u.port, path: u.pathname, method: 'POST', agent, headers: { ...r.headers, 'content-length': Buffer.byteLength(r.body) } },
				(res) => {
					res.resume();
					res.on('end', () => {
						if (res.statusCode === 200) latencies.push(performance.now() - scheduled);
						else errors++;
						resolve();
					});
				}
			);
			req.on('error', () => {
				errors++;
				resolve();
			});
			req.end(r.body);
		});
	const pending: Promise<void>[] = [];
	let at = performance.now();
	for (const r of opts.requests) {
		at += (-Math.log(1 - Math.random()) * 1000) / opts.ratePerSecond;
		const wait = at - performance.now();
		if (wait > 0) await new Promise((res) => setTimeout(res, wait));
		pending.push(send(r, at));
	}
	await Promise.all(pending);
	agent.destroy();
	return { latencies, errors };
}

export function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}
