import type { MessageKey, Translate } from '$lib/i18n';

/** `key` with {n}, or its singular `keyOne` when n is 1 ("1 person", not "1 people"). */
export function plural(t: Translate, key: MessageKey, n: number, params: Record<string, string | number> = {}): string {
	return n === 1 ? t(`${key}One` as MessageKey, params) : t(key, { n, ...params });
}
