/**
 * The order in which one participant sees a model's areas (pure). The model's order, rotated to start
 * at an area chosen from a seed — the invitation id — so that the last area is not always answered by
 * the most tired people, while each area still follows the one it builds on for most participants.
 * The same seed always gives the same order (resuming, another device); answers stay in model order.
 */
export function areaOrder(seed: string, count: number): number[] {
	if (count <= 0) return [];
	const start = hash(seed) % count;
	return Array.from({ length: count }, (_, i) => (start + i) % count);
}

/** FNV-1a (32 bits) over the seed's UTF-16 code units: spread well enough over a handful of areas. */
function hash(seed: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < seed.length; i++) {
		h ^= seed.charCodeAt(i);
		h = Math.imul(h, 0x01000193) >>> 0;
	}
	return h;
}
