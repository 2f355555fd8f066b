import { z } from 'zod';
import path from 'node:path';

const schema = z.object({
	DATABASE_URL: z.string().url().optional(),
	DATABASE_READ_URL: z.string().url().optional(),
	SOS_DATA_DIR: z.string().min(1).default('./data'),
	SOS_DEMO: z.enum(['on', 'off']).default('on'),
	SMTP_URL: z.string().url().optional(),
	SMTP_FROM: z.string().min(3).default('SOS <no-reply@sos.local>'),
	ORIGIN: z.string().url().optional(),
	PORT: z.coerce.number().int().min(0).max(65535).default(3000),
	/** The model new rounds default to until the operator chooses one (Operator → Models). */
	SOS_DEFAULT_MODEL: z
		.string()
		.regex(/^[a-z][a-z0-9_-]{0,39}$/, 'Must be a model id such as sos')
		.default('sos'),
	/** Where Microsoft Entra ID lives; the issuer of a tenant is <authority>/<tenant id>/v2.0 (tests point it at a local provider). */
	SOS_ENTRA_AUTHORITY: z.string().url().default('https://login.microsoftonline.com'),
	/** `on` lets an identity provider on this machine (http://127.0.0.1, localhost) be used without TLS: for tests and development only. */
	SOS_SSO_ALLOW_LOOPBACK: z.enum(['on', 'off']).default('off')
});

export type Config = z.infer<typeof schema> & { dataDir: string; outboxDir: string };

let cached: Config | null = null;

/** Reads and validates the environment once; fails fast with a message naming the bad variable. */
export function config(): Config {
	if (cached) return cached;
	const env = Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== undefined && v !== ''));
	const parsed = schema.safeParse(env);
	if (!parsed.success) {
		const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
		throw new Error(`SOS configuration is invalid:\n${lines.join('\n')}`);
	}
	const dataDir = path.resolve(parsed.data.SOS_DATA_DIR);
	cached = { ...parsed.data, dataDir, outboxDir: path.join(dataDir, 'outbox') };
	return cached;
}
