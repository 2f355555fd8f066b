import { ValidationError } from '$lib/server/errors';

/** SCIM's error detail types (RFC 7644 §3.12) that SOS answers with. */
export type ScimType = 'invalidFilter' | 'invalidPath' | 'invalidValue' | 'invalidSyntax' | 'noTarget' | 'uniqueness' | 'mutability' | 'tooMany';

/** Bad SCIM input (400) with its scimType; a ValidationError everywhere else. */
export class ScimInputError extends ValidationError {
	constructor(
		readonly scimType: ScimType,
		message: string
	) {
		super(message);
	}
}
