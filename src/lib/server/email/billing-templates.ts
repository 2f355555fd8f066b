import { translator, type Locale } from '$lib/i18n';
import { layout } from './templates';

export type BillingNotice = { kind: 'trial_ends'; on: string } | { kind: 'renewal'; on: string };

/** To an organization's admins: the trial ends soon, or the subscription renews soon. */
export function billingNoticeEmail(locale: Locale, m: BillingNotice & { organization: string; link: string }) {
	const t = translator(locale);
	const k = m.kind === 'trial_ends' ? 'billing.email.trial' : 'billing.email.renewal';
	return {
		subject: t(`${k}.subject`, { date: m.on }),
		...layout({
			heading: t(`${k}.heading`, { organization: m.organization, date: m.on }),
			paragraphs: [t(`${k}.body`, { date: m.on }), t('billing.email.results')],
			button: t('billing.email.button'),
			link: m.link,
			footer: t('billing.email.footer', { organization: m.organization })
		})
	};
}
