import { translator, type Locale } from '$lib/i18n';
import { layout } from './templates';

interface ActionMail {
	link: string;
	title: string;
	unit: string;
	organization: string;
	dueOn: string | null;
	by: string;
}

const day = (locale: Locale, d: string) =>
	new Intl.DateTimeFormat(locale === 'sv' ? 'sv-SE' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${d}T00:00:00Z`));

/** To the owner, when an action is assigned to them. */
export function actionAssignedEmail(locale: Locale, m: ActionMail) {
	const t = translator(locale);
	return {
		subject: t('email.action.assigned.subject', { title: m.title }),
		...layout({
			heading: t('email.action.assigned.heading'),
			paragraphs: [
				t('email.action.assigned.body', { by: m.by, unit: m.unit, organization: m.organization }),
				`“${m.title}”`,
				m.dueOn ? t('email.action.due', { date: day(locale, m.dueOn) }) : t('email.action.noDue')
			],
			button: t('email.action.button'),
			link: m.link,
			footer: t('email.action.footer')
		})
	};
}

/** To the owner, a few days before the due date of an open action. */
export function actionDueEmail(locale: Locale, m: ActionMail & { dueOn: string }) {
	const t = translator(locale);
	return {
		subject: t('email.action.dueSoon.subject', { title: m.title }),
		...layout({
			heading: t('email.action.dueSoon.heading', { date: day(locale, m.dueOn) }),
			paragraphs: [`“${m.title}”`, t('email.action.dueSoon.body', { unit: m.unit })],
			button: t('email.action.button'),
			link: m.link,
			footer: t('email.action.footer')
		})
	};
}
