import { describe, expect, it } from 'vitest';
import { createTestActor, createTestOrganization } from '$tests/fixtures';
import { ForbiddenError } from '$lib/server/errors';
import { installStarterKpis } from './definitions';
import { listAgendas, recordAgenda } from './agenda';

describe('the executives’ agenda for sales', () => {
	it('records who decided what and when, keeps the history, and names only the organization’s KPIs', async () => {
		const org = await createTestOrganization();
		const admin = await createTestActor(org.id, 'admin');
		await installStarterKpis({ organizationId: org.id, actor: admin });
		const input = {
			decidedOn: '2026-01-15',
			decidedBy: 'Executive team (CEO, CFO, sales director)',
			kpis: ['order_intake', 'gross_margin'],
			reporting: 'Monthly pack'
		};
		await recordAgenda({ organizationId: org.id, actor: admin, input });
		await recordAgenda({ organizationId: org.id, actor: admin, input: { ...input, decidedOn: '2026-06-10', kpis: ['order_intake', 'new_customers'] } });
		const list = await listAgendas({ organizationId: org.id });
		expect(list.map((a) => [a.decidedOn, a.kpis])).toEqual([
			['2026-06-10', ['order_intake', 'new_customers']],
			['2026-01-15', ['order_intake', 'gross_margin']]
		]);
		expect(list[0]).toMatchObject({ decidedBy: input.decidedBy, reporting: 'Monthly pack', recordedBy: admin.label });
		await expect(recordAgenda({ organizationId: org.id, actor: admin, input: { ...input, kpis: ['ebitda'] } })).rejects.toThrow(
			/Not KPIs of your organization: ebitda/
		);
		const viewer = await createTestActor(org.id, 'viewer');
		await expect(recordAgenda({ organizationId: org.id, actor: viewer, input })).rejects.toBeInstanceOf(ForbiddenError);
	});
});
