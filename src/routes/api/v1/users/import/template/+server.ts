import type { RequestHandler } from './$types';
import { api } from '$lib/server/http/api';
import { requireAdmin } from '$lib/server/auth/policies';
import { getLevelNames } from '$lib/server/units/queries';
import { buildUserTemplate } from '$lib/server/imports/template';
import { ValidationError } from '$lib/server/errors';

const types = { xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', csv: 'text/csv; charset=utf-8' } as const;

export const GET: RequestHandler = api(async (event, actor) => {
	const { organizationId } = requireAdmin(actor);
	const format = event.url.searchParams.get('format') ?? 'xlsx';
	if (format !== 'xlsx' && format !== 'csv') throw new ValidationError('format must be xlsx or csv.');
	const file = await buildUserTemplate({ format, levelNames: await getLevelNames({ organizationId }) });
	return new Response(new Uint8Array(file), {
		headers: { 'content-type': types[format], 'content-disposition': `attachment; filename="sos-users-template.${format}"` }
	});
});
