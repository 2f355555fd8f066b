import { describe, expect, it } from 'vitest';
import { changedValues } from './entry-form';

const cell = (month: string, plan: string, planWas: string, actual = '', actualWas = '') => ({ month, plan, planWas, actual, actualWas });

describe('changedValues', () => {
	it('sends only the months whose cells changed, clears emptied cells and reads decimal commas', () => {
		const { values, months } = changedValues(
			[cell('2026-01', '100', '100', '90', '90'), cell('2026-02', '1 234,5', '1000'), cell('2026-03', '', '500', '', ''), cell('2026-04', '', '', '', '')],
			{ kpi: 'sales', unit: 'u1' }
		);
		expect(months).toEqual(['2026-02', '2026-03']);
		expect(values[0]).toMatchObject({ kpi: 'sales', unit: 'u1', month: '2026-02', plan: '1234.5', actual: undefined });
		expect(values[1]).toMatchObject({ month: '2026-03', plan: null, actual: undefined });
	});

	it('names a person instead of a unit when figures are a person’s', () => {
		const { values } = changedValues([cell('2026-05', '', '', '12', '')], { kpi: 'meetings', person: 'a@b.se' });
		expect(values).toEqual([{ kpi: 'meetings', unit: undefined, person: 'a@b.se', month: '2026-05', plan: undefined, actual: '12' }]);
	});
});
