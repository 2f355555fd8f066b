import nodemailer, { type Transporter } from 'nodemailer';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { config } from '$lib/server/config';

export interface Email {
	to: string;
	subject: string;
	text: string;
	html: string;
	/** The one link the email is about; logged when no SMTP server is configured. */
	link?: string;
}

let transport: Transporter | null = null;
let transportUrl: string | undefined;

function smtp(url: string): Transporter {
	if (!transport || transportUrl !== url) {
		transport = nodemailer.createTransport(url);
		transportUrl = url;
	}
	return transport;
}

/**
 * Sends over SMTP when SMTP_URL is set; otherwise writes an .eml file to <data dir>/outbox/ and logs
 * the link, so a laptop install needs no mail server.
 */
export async function sendEmail(email: Email): Promise<void> {
	const { SMTP_URL, SMTP_FROM, outboxDir } = config();
	const message = { from: SMTP_FROM, to: email.to, subject: email.subject, text: email.text, html: email.html };
	if (SMTP_URL) {
		await smtp(SMTP_URL).sendMail(message);
		return;
	}
	const built = await nodemailer.createTransport({ streamTransport: true, buffer: true }).sendMail(message);
	await mkdir(outboxDir, { recursive: true });
	const file = path.join(outboxDir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID().slice(0, 8)}.eml`);
	await writeFile(file, built.message as Buffer);
	console.log(`[email] to ${email.to}: "${email.subject}" written to ${file}${email.link ? `\n[email] link: ${email.link}` : ''}`);
}
