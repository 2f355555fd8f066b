import { translator, type Locale } from '$lib/i18n';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** One plain layout for every email: a heading, paragraphs, one button, and the link spelled out. */
export function layout(o: { heading: string; paragraphs: string[]; button: string; link: string; footer: string }) {
	const text = [o.heading, '', ...o.paragraphs, '', `${o.button}: ${o.link}`, '', o.footer].join('\n');
	const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#111827;max-width:560px;margin:0 auto;padding:24px">
<h1 style="font-size:20px">${escape(o.heading)}</h1>
${o.paragraphs.map((p) => `<p style="line-height:1.5">${escape(p)}</p>`).join('\n')}
<p><a href="${escape(o.link)}" style="display:inline-block;background:#1d4ed8;color:#fff;padding:10px 18px;border-radius:6px;text-decoration:none">${escape(o.button)}</a></p>
<p style="font-size:13px;color:#4b5563;word-break:break-all">${escape(o.link)}</p>
<p style="font-size:13px;color:#4b5563">${escape(o.footer)}</p>
</body></html>`;
	return { text, html };
}

export function signInLinkEmail(locale: Locale, p: { link: string; minutes: number }) {
	const t = translator(locale);
	return {
		subject: t('email.signin.subject'),
		...layout({
			heading: t('email.signin.heading'),
			paragraphs: [t('email.signin.body', { minutes: p.minutes })],
			button: t('email.signin.button'),
			link: p.link,
			footer: t('email.ignore')
		})
	};
}

export function passwordResetEmail(locale: Locale, p: { link: string; minutes: number }) {
	const t = translator(locale);
	return {
		subject: t('email.reset.subject'),
		...layout({
			heading: t('email.reset.heading'),
			paragraphs: [t('email.reset.body', { minutes: p.minutes })],
			button: t('email.reset.button'),
			link: p.link,
			footer: t('email.ignore')
		})
	};
}

export function welcomeAdminEmail(locale: Locale, p: { link: string; organization: string; minutes: number }) {
	const t = translator(locale);
	return {
		subject: t('email.welcome.subject', { organization: p.organization }),
		...layout({
			heading: t('email.welcome.heading', { organization: p.organization }),
			paragraphs: [t('email.welcome.body', { minutes: p.minutes })],
			button: t('email.signin.button'),
			link: p.link,
			footer: t('email.ignore')
		})
	};
}
