import { hash, verify } from '@node-rs/argon2';

// argon2id with the OWASP-recommended minimum (19 MiB, 2 iterations, 1 lane).
const options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
	return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password);
	} catch {
		return false;
	}
}

// A real hash to verify against when the account does not exist, so timing does not tell.
let dummy: Promise<string> | null = null;
export async function burnPasswordCheck(password: string): Promise<void> {
	dummy ??= hashPassword('not-a-real-password-' + Math.random());
	await verifyPassword(await dummy, password);
}
