import type { RequestHandler } from './$types';
import { reply } from '$lib/server/http/reply';
import { benchmarkVersionListOutput } from '$lib/server/benchmarks/output';
import { api } from '$lib/server/http/api';
import { requireMember } from '$lib/server/auth/policies';
import { listBenchmarkVersions, populationOf } from '$lib/server/benchmarks/versions';

/** Published benchmark versions the caller's organization can be compared with (built by SOS, or imported), newest first. */
export const GET: RequestHandler = api(async (_event, actor) => {
	const { organizationId } = requireMember(actor);
	const population = await populationOf(organizationId);
	const versions = await listBenchmarkVersions({ population, published: true, limit: 50 });
	return reply(benchmarkVersionListOutput, { versions: versions.map(({ published: _, ...v }) => v) });
});
