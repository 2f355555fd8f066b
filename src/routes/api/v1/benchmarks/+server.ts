import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { db } from '$lib/server/db';
import { api } from '$lib/server/http/api';
import { requireMember } from '$lib/server/auth/policies';
import { listBenchmarkVersions, populationOf } from '$lib/server/benchmarks/versions';

/** Benchmark versions the caller's organization is compared with (built by SOS, or imported), newest first. */
export const GET: RequestHandler = api(async (_event, actor) => {
	const { organizationId } = requireMember(actor);
	const population = await populationOf(db(), organizationId);
	return json({ versions: await listBenchmarkVersions(db(), { population, limit: 50 }) });
});
