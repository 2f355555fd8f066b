import { translator, type Locale, type Translate } from '$lib/i18n';
import type { ActionStatus } from '$lib/server/db/schema';
import { layout, type Block } from './templates';

/** An action as participants hear of it: its title and status, nothing else (no reason, owner, date or figure). */
export interface DecidedAction {
	title: string;
	status: ActionStatus;
}

interface Recipient {
	name: string;
	/** The sign-in page for someone who may sign in (a viewer or admin); null for participants, who cannot. */
	signInLink: string | null;
}

interface PublishedMail extends Recipient {
	round: string;
	organization: string;
	/** The unit of the invitation, as frozen at launch; null when it no longer exists. */
	unit: { name: string; actions: DecidedAction[] } | null;
	organizationActions: DecidedAction[];
}

interface DigestMail extends Recipient {
	round: string;
	/** The unit's name, or the organization's for actions of the organization as a whole. */
	unit: string;
	wholeOrganization: boolean;
	actions: DecidedAction[];
}

const items = (t: Translate, actions: DecidedAction[]) => actions.map((a) => t('email.loop.item', { title: a.title, status: t(`actions.status.${a.status}`) }));

/** How to see more: the sign-in page for those who may sign in, a sentence for everyone else. */
function more(t: Translate, r: Recipient) {
	return r.signInLink
		? { paragraphs: [t('email.loop.signIn')], button: t('email.signin.button'), link: r.signInLink }
		: { paragraphs: [t('email.loop.noAccount')] };
}

/**
 * To everyone invited to a round, when its results are published: the same email whether they answered
 * or not. What their unit and the organization decided so far, by title and status; no figure.
 */
export function resultsPublishedEmail(locale: Locale, m: PublishedMail) {
	const t = translator(locale);
	const decided: Block[] = [];
	if (m.unit?.actions.length) decided.push(t('email.loop.unitDecided', { unit: m.unit.name }), items(t, m.unit.actions));
	else decided.push(m.unit ? t('email.loop.unitNone', { unit: m.unit.name }) : t('email.loop.none'));
	if (m.organizationActions.length) decided.push(t('email.loop.organizationDecided', { organization: m.organization }), items(t, m.organizationActions));
	const see = more(t, m);
	return {
		subject: t('email.loop.published.subject', { round: m.round }),
		...layout({
			heading: t('email.loop.published.heading', { round: m.round }),
			paragraphs: [
				t('email.loop.greeting', { name: m.name }),
				t('email.loop.published.body', { organization: m.organization, round: m.round }),
				...decided,
				...see.paragraphs
			],
			button: see.button,
			link: see.link,
			footer: t('email.loop.footer', { round: m.round })
		})
	};
}

/** To everyone invited to a unit's latest published round (the organization's, for its own actions): the actions it added since. */
export function actionDigestEmail(locale: Locale, m: DigestMail) {
	const t = translator(locale);
	const see = more(t, m);
	const body = m.wholeOrganization ? 'email.loop.digest.bodyOrganization' : 'email.loop.digest.body';
	return {
		subject: t('email.loop.digest.subject', { round: m.round, unit: m.unit }),
		...layout({
			heading: t('email.loop.digest.heading', { unit: m.unit }),
			paragraphs: [t('email.loop.greeting', { name: m.name }), t(body, { round: m.round, unit: m.unit }), items(t, m.actions), ...see.paragraphs],
			button: see.button,
			link: see.link,
			footer: t('email.loop.digest.footer', { round: m.round })
		})
	};
}
