import { onMount } from 'svelte';
import { ZONE_COOKIE, isTimeZone } from '$lib/time/zone';

/**
 * The time zone a page shows and reads dates in: the server's guess (`initial`) at first, the browser's
 * own once JavaScript runs (remembered in a cookie, so the next page is rendered in it from the start).
 * Call during component initialisation; `onChange` runs when the zone switches.
 */
export function browserZone(initial: () => string, onChange?: (from: string, to: string) => void) {
	let detected = $state<string | null>(null);
	onMount(() => {
		const z = Intl.DateTimeFormat().resolvedOptions().timeZone;
		if (!isTimeZone(z)) return;
		document.cookie = `${ZONE_COOKIE}=${encodeURIComponent(z)}; path=/; max-age=31536000; samesite=lax`;
		const from = initial();
		detected = z;
		if (z !== from) onChange?.(from, z);
	});
	return {
		get current() {
			return detected ?? initial();
		}
	};
}
