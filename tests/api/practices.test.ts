import { beforeAll, describe, expect, it } from 'vitest';
import { createTestActor } from '$tests/fixtures';
import { practicesOrganization } from '$tests/practices';
import { call, sessionCookie } from '../support/http';

/** The practices page on the built server: the chart with ten teams, and a viewer kept to their scope. */
let cookie: string;
let viewer: string;
let roundId: string;
let ids: Record<string, string>;

beforeAll(async () => {
	const o = await practicesOrganization();
	roundId = o.round.roundId;
	ids = o.ids;
	cookie = await sessionCookie(o.admin);
	viewer = await sessionCookie(await createTestActor(o.org.id, 'viewer', ids.North));
}, 60_000);

describe('/app/kpis/practices', () => {
	it('draws each area’s association with its figures in text, Forecasting first', async () => {
		const res = await call('GET', `/app/kpis/practices?kpi=order_intake&round=${roundId}`, { cookie });
		expect(res.status).toBe(200);
		const html = String(res.data);
		expect(html).toContain('<svg class="wide"');
		expect(html).toContain('<svg class="narrow"');
		expect(html.match(/class="rho"/g)!.length).toBe(18);
		expect(html).toMatch(/Forecasting: rho \+(0\.9\d|1\.00) \(90 % interval \+\d\.\d\d to \+1\.00\), (8|9|10) teams/);
		expect(html).toContain('Association is not cause');
		expect(html).not.toContain('Not enough teams to compare');
	});

	it('shows a region of five as too few, and another region to its manager as not found', async () => {
		const north = await call('GET', `/app/kpis/practices?round=${roundId}`, { cookie: viewer });
		expect(north.status).toBe(200);
		expect(String(north.data)).toContain('Not enough teams to compare');
		expect((await call('GET', `/app/kpis/practices?unit=${ids.South}`, { cookie: viewer })).status).toBe(404);
		expect((await call('GET', '/app/kpis/practices?unit=organization', { cookie: viewer })).status).toBe(404);
	});
});
