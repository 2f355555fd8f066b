import { translator, type Locale } from '$lib/i18n';
import { formatInstant } from '$lib/time/zone';
import { layout } from './templates';

interface NoticeMail {
	link: string;
	round: string;
	previous: string | null;
	organization: string;
	startsAt: Date;
	endsAt: Date;
	repeatMonths: number | null;
	zone: string;
}

/** To an organization's admins: a round created by a repeat opens soon; check it on its page. */
export function roundNoticeEmail(locale: Locale, m: NoticeMail) {
	const t = translator(locale);
	const opens = formatInstant(m.startsAt, locale, m.zone);
	return {
		subject: t('rounds.repeat.email.subject', { date: formatInstant(m.startsAt, locale, m.zone, false) }),
		...layout({
			heading: t('rounds.repeat.email.heading', { round: m.round, date: opens }),
			paragraphs: [
				m.previous ? t('rounds.repeat.email.created', { previous: m.previous }) : t('rounds.repeat.email.createdNoPrevious'),
				t('rounds.repeat.email.period', { start: opens, end: formatInstant(m.endsAt, locale, m.zone), zone: m.zone }),
				t('rounds.repeat.email.check'),
				m.repeatMonths ? t('rounds.repeat.email.continues', { n: m.repeatMonths }) : t('rounds.repeat.email.last')
			],
			button: t('rounds.repeat.email.button'),
			link: m.link,
			footer: t('rounds.repeat.email.footer', { organization: m.organization })
		})
	};
}
