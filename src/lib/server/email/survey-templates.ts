import { translator, type Locale } from '$lib/i18n';
import { layout } from './templates';

interface SurveyMail {
	link: string;
	round: string;
	organization: string;
	endsAt: Date;
}

const day = (locale: Locale, d: Date) => new Intl.DateTimeFormat(locale === 'sv' ? 'sv-SE' : 'en-GB', { dateStyle: 'long' }).format(d);

export function invitationEmail(locale: Locale, m: SurveyMail) {
	const t = translator(locale);
	return {
		subject: t('email.invite.subject', { round: m.round, organization: m.organization }),
		...layout({
			heading: t('email.invite.heading', { round: m.round }),
			paragraphs: [
				t('email.invite.body1', { organization: m.organization }),
				t('email.invite.body2', { date: day(locale, m.endsAt) }),
				t('email.invite.anonymous')
			],
			button: t('email.invite.button'),
			link: m.link,
			footer: t('email.invite.personal')
		})
	};
}

export function reminderEmail(locale: Locale, m: SurveyMail) {
	const t = translator(locale);
	return {
		subject: t('email.remind.subject', { round: m.round, organization: m.organization }),
		...layout({
			heading: t('email.remind.heading'),
			paragraphs: [t('email.remind.body', { date: day(locale, m.endsAt) }), t('email.invite.anonymous')],
			button: t('email.invite.button'),
			link: m.link,
			footer: t('email.invite.personal')
		})
	};
}
