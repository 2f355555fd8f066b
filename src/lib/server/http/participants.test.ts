import { expect, it } from 'vitest';
import { participantMayOpen } from './participants';

it('a participant opens their home, their KPI figures and their settings, and nothing else of the app or the API', () => {
	for (const p of [
		'/app',
		'/app/',
		'/app/kpis',
		'/app/kpis/__data.json',
		'/app/kpis/export',
		'/app/__data.json',
		'/app/settings',
		'/signout',
		'/s/abc',
		'/signin'
	])
		expect(participantMayOpen(p), p).toBe(true);
	for (const p of [
		'/app/results',
		'/app/results/x',
		'/app/actions',
		'/app/kpis/review',
		'/app/kpis/values',
		'/app/kpisx',
		'/app/users',
		'/api/v1/kpis/board',
		'/api/v1/me',
		'/apps'
	])
		expect(participantMayOpen(p), p).toBe(false);
});
