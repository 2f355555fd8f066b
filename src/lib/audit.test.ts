import { describe, expect, it } from 'vitest';
import { translator } from '$lib/i18n';
import { AUDIT_ACTIONS, ORGANIZATION_AUDIT_ACTIONS, isAuditAction } from './audit';

describe('audit actions', () => {
	it('the organization’s filter offers every action but the operator’s, report exports and actions included', () => {
		expect(ORGANIZATION_AUDIT_ACTIONS).toContain('report_exported');
		expect(ORGANIZATION_AUDIT_ACTIONS).toContain('action_created');
		expect(ORGANIZATION_AUDIT_ACTIONS).toContain('decision_recorded');
		expect(ORGANIZATION_AUDIT_ACTIONS.some((a) => a.startsWith('benchmark_'))).toBe(false);
		expect(new Set(AUDIT_ACTIONS).size).toBe(AUDIT_ACTIONS.length);
	});

	it('every action has a label in English and Swedish', () => {
		for (const locale of ['en', 'sv'] as const) {
			const t = translator(locale);
			for (const a of AUDIT_ACTIONS) expect(t(`audit.action.${a}`), `${locale}: ${a}`).not.toBe(`audit.action.${a}`);
		}
	});

	it('knows an action from anything else', () => {
		expect(isAuditAction('sign_in')).toBe(true);
		expect(isAuditAction('drop_table')).toBe(false);
		expect(isAuditAction(null)).toBe(false);
	});
});
