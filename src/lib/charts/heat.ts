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

/**
 * A cell showing a difference (a unit against another figure): blue above, orange below, plain within
 * ±0.2, deeper from ±0.5 (a clear gap). Kept apart from the status colours, which keep their meaning.
 */
export function differenceColour(d: number | null): { background: string; color: string } {
	if (d === null) return heatColour('suppressed');
	const size = Math.abs(d);
	if (size < 0.2) return heatColour('neutral');
	if (d > 0) return size >= 0.5 ? { background: '#bfdbfe', color: '#1e3a8a' } : { background: '#dbeafe', color: '#1e3a8a' };
	return size >= 0.5 ? { background: '#fed7aa', color: '#7c2d12' } : { background: '#ffedd5', color: '#7c2d12' };
}
