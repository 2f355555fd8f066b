import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { inject } from 'vitest';

export interface ReceivedEmail {
	to: string[];
	subject: string;
	text: string;
	html: string;
}

/** All messages the test SMTP server has received for `to`, oldest first. */
export function emailsTo(to: string): ReceivedEmail[] {
	const dir = inject('mailDir');
	return readdirSync(dir)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as ReceivedEmail)
		.filter((m) => m.to.includes(to.toLowerCase()));
}

/** Waits (up to 10 s) for the n-th message to `to`. */
export async function waitForEmail(to: string, n = 1): Promise<ReceivedEmail> {
	for (let i = 0; i < 100; i++) {
		const all = emailsTo(to);
		if (all.length >= n) return all[n - 1];
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`No email #${n} to ${to} arrived`);
}

export function linkIn(email: ReceivedEmail): string {
	const m = /https?:\/\/\S+\/(?:signin\/link|reset)\/[a-z0-9]+/.exec(email.text);
	if (!m) throw new Error(`No link in email "${email.subject}"`);
	return m[0];
}
