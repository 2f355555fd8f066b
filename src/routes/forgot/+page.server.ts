import type { Actions } from './$types';
import { emailLinkAction } from '$lib/server/http/email-link-action';

export const actions: Actions = { default: (event) => emailLinkAction(event, 'password_reset') };
