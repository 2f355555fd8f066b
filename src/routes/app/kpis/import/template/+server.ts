import type { RequestHandler } from './$types';
import { requireAdminPage } from '$lib/server/http/guards';
import { buildKpiTemplate } from '$lib/server/kpis/import-template';

const types = { xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', csv: 'text/csv; charset=utf-8' } as const;

export const GET: RequestHandler = async (event) => {
	const { organizationId } = requireAdminPage(event);
	const format = event.url.searchParams.get('format') === 'csv' ? 'csv' : 'xlsx';
	const file = await buildKpiTemplate({ organizationId, format });
	return new Response(new Uint8Array(file), {
		headers: { 'content-type': types[format], 'content-disposition': `attachment; filename="sos-kpi-values-template.${format}"` }
	});
};
