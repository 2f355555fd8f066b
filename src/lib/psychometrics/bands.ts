/**
 * Bands of a correlation between two areas, for the operator's heat table: the cell shows its number,
 * and its band as a word too (colour never carries meaning alone). Colours: light blues with dark text
 * (at least 7:1). Very high correlations suggest two areas may measure the same thing.
 */
export type CorrelationBand = 'low' | 'moderate' | 'high' | 'overlap';

export function correlationBand(r: number): CorrelationBand {
	const a = Math.abs(Math.round(r * 100) / 100);
	return a >= 0.8 ? 'overlap' : a >= 0.6 ? 'high' : a >= 0.3 ? 'moderate' : 'low';
}

export const bandColour: Record<CorrelationBand, { background: string; color: string }> = {
	low: { background: '#f8fafc', color: '#334155' },
	moderate: { background: '#dbeafe', color: '#1e3a8a' },
	high: { background: '#93c5fd', color: '#172554' },
	overlap: { background: '#fde68a', color: '#422006' }
};
