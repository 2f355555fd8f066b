import type { Status } from './colours';

/**
 * Light cell colours for a heat table (background + text colour, all at least 7:1, WCAG AAA).
 * Colour is never the only carrier: the cell also shows its number, and suppressed cells a reason.
 */
const heat: Record<Status | 'suppressed', { background: string; color: string }> = {
	green: { background: '#dcfce7', color: '#14532d' },
	yellow: { background: '#fef9c3', color: '#713f12' },
	red: { background: '#fee2e2', color: '#7f1d1d' },
	neutral: { background: '#f1f5f9', color: '#334155' },
	suppressed: { background: '#ffffff', color: '#475569' }
};

export function heatColour(status: Status | 'suppressed'): { background: string; color: string } {
	return { ...(heat[status] ?? heat.neutral) };
}
