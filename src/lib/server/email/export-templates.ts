import { translator, type Locale } from '$lib/i18n';
import { layout } from './templates';

/** To the member who asked for an export, when its file is ready. */
export function exportReadyEmail(locale: Locale, m: { link: string; unit: string; round: string; format: string }) {
	const t = translator(locale);
	return {
		subject: t('email.export.subject', { unit: m.unit }),
		...layout({
			heading: t('email.export.heading', { format: m.format }),
			paragraphs: [t('email.export.body', { unit: m.unit, round: m.round })],
			button: t('email.export.button'),
			link: m.link,
			footer: t('email.export.footer')
		}),
		link: m.link
	};
}
