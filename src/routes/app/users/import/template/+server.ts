import type { RequestHandler } from './$types';
import { requireAdminPage } from '$lib/server/http/guards';
import { getLevelNames } from '$lib/server/units/queries';
import { buildUserTemplate } from '$lib/server/imports/template';

const types = { xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', csv: 'text/csv; charset=utf-8' } as const;

export const GET: RequestHandler = async (event) => {
	const { organizationId } = requireAdminPage(event);
	const format = event.url.searchParams.get('format') === 'csv' ? 'csv' : 'xlsx';
	const file = await buildUserTemplate({ format, levelNames: await getLevelNames({ organizationId }) });
	return new Response(new Uint8Array(file), {
		headers: { 'content-type': types[format], 'content-disposition': `attachment; filename="sos-users-template.${format}"` }
	});
};
