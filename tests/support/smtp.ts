import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import { renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** A real SMTP server on 127.0.0.1 that files every message it receives as JSON in `dir`. */
export async function startSmtpServer(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
	let n = 0;
	const server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		logger: false,
		onData(stream, session, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (c: Buffer) => chunks.push(c));
			stream.on('end', async () => {
				const raw = Buffer.concat(chunks);
				const parsed = await simpleParser(raw);
				const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
				const file = path.join(dir, `${Date.now()}-${process.pid}-${n++}.json`);
				// Written whole, then renamed: a reader in another process never sees half a message.
				writeFileSync(
					`${file}.tmp`,
					JSON.stringify({ to, subject: parsed.subject ?? '', text: parsed.text ?? '', html: typeof parsed.html === 'string' ? parsed.html : '' })
				);
				renameSync(`${file}.tmp`, file);
				callback();
			});
		}
	});
	// A client dropping its connection (e.g. a server stopped mid-send at teardown) is not a test failure.
	server.on('error', (err) => console.warn('[test smtp]', err.message));
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
	const address = server.server.address();
	const port = typeof address === 'object' && address ? address.port : 0;
	return { url: `smtp://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}
