import { translator, type Locale } from '$lib/i18n';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A paragraph, or a list (a bullet per item). */
export type Block = string | string[];

/**
 * One plain layout for every email: a heading, paragraphs and lists, one button with the link spelled
 * out (none when the email has nothing to open), and a footer.
 */
export function layout(o: { heading: string; paragraphs: Block[]; button?: string; link?: string; footer: string }) {
	const action = o.button && o.link ? { button: o.button, link: o.link } : null;
	const plain = (b: Block) => (typeof b === 'string' ? b : b.map((item) => `- ${item}`).join('\n'));
	const text = [o.heading, '', ...o.paragraphs.map(plain), ...(action ? ['', `${action.button}: ${action.link}`] : []), '', o.footer].join('\n');
	const block = (b: Block) =>
		typeof b === 'string'
			? `<p style="line-height:1.5">${escape(b)}</p>`
			: `<ul style="line-height:1.5">${b.map((item) => `<li>${escape(item)}</li>`).join('')}</ul>`;
	const button = action
		? `<p><a href="${escape(action.link)}" style="display:inline-block;background:#1d4ed8;color:#fff;padding:10px 18px;border-radius:6px;text-decoration:none">${escape(action.button)}</a></p>
<p style="font-size:13px;color:#4b5563;word-break:break-all">${escape(action.link)}</p>
`
		: '';
	const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#111827;max-width:560px;margin:0 auto;padding:24px">
<h1 style="font-size:20px">${escape(o.heading)}</h1>
${o.paragraphs.map(block).join('\n')}
${button}<p style="font-size:13px;color:#4b5563">${escape(o.footer)}</p>
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
