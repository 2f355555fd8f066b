import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { JobRole } from '$lib/server/db/schema';
import type { ModelShape } from '$lib/survey/scoring';
import type { RoundQuestion } from '$lib/server/rounds/questions';
import type { QuestionAnswer } from '$lib/server/survey/answers';
import { responseKey } from './key';

/** Everything a response row holds, as it waits sealed in pending_responses. */
export interface ResponsePayload {
	unitId: string;
	jobRole: JobRole;
	answers: (number | null)[];
	areaScores: (number | null)[];
	questionAnswers: Record<string, QuestionAnswer>;
}

const VERSION = 1;
const IV = 12;
const TAG = 16;

/**
 * Binds a sealed identity to its round: it cannot be opened as another round's (or organization's).
 * The answers are sealed without a round (the one-statement API submit learns its round in the
 * statement itself); a pending row opens only whole, identity and answers.
 */
const aad = (organizationId: string, roundId: string) => Buffer.from(`${organizationId}/${roundId}`);
const ANSWERS = { organizationId: 'answers', roundId: '' };

/** AES-256-GCM under the response key: version byte, random IV, ciphertext, tag. */
function seal(plain: Buffer, opts: { organizationId: string; roundId: string }): Buffer {
	const iv = randomBytes(IV);
	const cipher = createCipheriv('aes-256-gcm', responseKey(), iv);
	cipher.setAAD(aad(opts.organizationId, opts.roundId));
	const body = Buffer.concat([cipher.update(plain), cipher.final()]);
	return Buffer.concat([Buffer.from([VERSION]), iv, body, cipher.getAuthTag()]);
}

function open(sealed: Buffer, opts: { organizationId: string; roundId: string }): Buffer {
	if (sealed[0] !== VERSION || sealed.length < 1 + IV + TAG + 4) throw new Error('a pending response is not in a known format');
	const decipher = createDecipheriv('aes-256-gcm', responseKey(), sealed.subarray(1, 1 + IV));
	decipher.setAAD(aad(opts.organizationId, opts.roundId));
	decipher.setAuthTag(sealed.subarray(sealed.length - TAG));
	try {
		return Buffer.concat([decipher.update(sealed.subarray(1 + IV, sealed.length - TAG)), decipher.final()]);
	} catch {
		throw new Error(
			'a pending response cannot be opened with this response key (SOS_RESPONSE_KEY or <data dir>/keys/response.key must be the key it was sealed with)'
		);
	}
}

/** JSON behind its length, zero-padded to a multiple of `size`. */
function padded(value: unknown, size: number): Buffer {
	const json = Buffer.from(JSON.stringify(value));
	const plain = Buffer.alloc(Math.ceil((json.length + 4) / size) * size);
	plain.writeUInt32BE(json.length, 0);
	json.copy(plain, 4);
	return plain;
}
const unpadded = (plain: Buffer) => JSON.parse(plain.subarray(4, 4 + plain.readUInt32BE(0)).toString());

/** The plaintext size of a sealed identity (unit id and job role); the sealed identity is IDENTITY_BYTES long. */
const IDENTITY_PLAIN = 96;
export const IDENTITY_BYTES = 1 + IV + IDENTITY_PLAIN + TAG;

/**
 * The first part of a pending response: the invitation's frozen unit and job role, sealed. Made at
 * launch for each invitation (invitations.sealed_identity), so that the submit statement can put it in
 * front of the sealed answers without the server reading the invitation first.
 */
export function sealIdentity(p: { unitId: string; jobRole: JobRole }, opts: { organizationId: string; roundId: string }): Buffer {
	return seal(padded({ u: p.unitId, r: p.jobRole }, IDENTITY_PLAIN), opts);
}

/**
 * The second part: answers, area scores and company answers, sealed. The plaintext is padded to one
 * size per round (`capacity`), so the length of a pending row says nothing about its answers — not
 * how many were "don't know", nor how long a comment is.
 */
export function sealAnswers(p: Omit<ResponsePayload, 'unitId' | 'jobRole'>, opts: { capacity: number }): Buffer {
	// Texts as UTF-16 in base64: a fixed worst case per character, whatever the character.
	const q = Object.fromEntries(
		Object.entries(p.questionAnswers).map(([k, v]) => [k, typeof v === 'string' ? { t: Buffer.from(v, 'utf16le').toString('base64') } : v])
	);
	return seal(padded({ a: p.answers, s: p.areaScores, q }, opts.capacity), ANSWERS);
}

/** A whole pending response: sealed identity, then sealed answers. */
export function sealResponse(p: ResponsePayload, opts: { organizationId: string; roundId: string; capacity: number }): Buffer {
	return Buffer.concat([sealIdentity(p, opts), sealAnswers(p, opts)]);
}

/** Opens a sealed identity alone; throws as `openResponse` does. */
export function openIdentity(sealed: Buffer, opts: { organizationId: string; roundId: string }): { unitId: string; jobRole: JobRole } {
	const who = unpadded(open(sealed, opts));
	return { unitId: who.u, jobRole: who.r };
}

/** Opens a pending response; throws when the key or the round is not the one it was sealed with, or it was altered. */
export function openResponse(sealed: Buffer, opts: { organizationId: string; roundId: string }): ResponsePayload {
	const who = unpadded(open(sealed.subarray(0, IDENTITY_BYTES), opts));
	const o = unpadded(open(sealed.subarray(IDENTITY_BYTES), ANSWERS));
	return {
		unitId: who.u,
		jobRole: who.r,
		answers: o.a,
		areaScores: o.s,
		questionAnswers: Object.fromEntries(
			Object.entries(o.q as Record<string, unknown>).map(([k, v]) => [k, isText(v) ? Buffer.from(v.t, 'base64').toString('utf16le') : (v as QuestionAnswer)])
		)
	};
}

const isText = (v: unknown): v is { t: string } => typeof v === 'object' && v !== null && !Array.isArray(v) && typeof (v as { t?: unknown }).t === 'string';

/**
 * The padded plaintext size of a round's responses: the longest payload its model and questions allow
 * (every answer and score at its longest JSON, every text at 2,000 characters), so all are alike.
 */
export function sealCapacity(shape: ModelShape, questions: readonly RoundQuestion[]): number {
	let n = 4 + 32 + shape.statementCount * 5 + shape.areas.length * 25;
	for (const q of questions) {
		const options = q.en.options?.length ?? 0;
		const value = { scale: 5, single: 12, multi: 2 + 12 * options, number: 25, text: 10 + Math.ceil((2 * 2000) / 3) * 4 }[q.type] ?? 64;
		n += 6 * q.key.length + 4 + value;
	}
	return n;
}
