import type { RequestHandler } from './$types';
import { scimError } from '$lib/server/scim/http';

/** Anything else under /scim/v2 (Groups, Bulk, /Me …) is a SCIM 404: SOS provisions people only. */
const notHere: RequestHandler = async () => scimError(404, 'SOS provisions Users only; this endpoint does not exist.');
export const GET = notHere;
export const POST = notHere;
export const PUT = notHere;
export const PATCH = notHere;
export const DELETE = notHere;
