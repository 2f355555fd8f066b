/**
 * What a participant (a sales person or manager who answers, without viewer access) may open when
 * signed in: their home (when results are published and what their unit decided), their own KPI figures
 * and their team's, and their account settings. Everything else under /app and /api is not there for
 * them (404), whatever a page's own checks say: one list, checked for every request in hooks.server.ts.
 */
const OPEN_PAGES = new Set(['/app', '/app/kpis', '/app/kpis/export', '/app/settings']);

export function participantMayOpen(pathname: string): boolean {
	if (!pathname.startsWith('/app') && !pathname.startsWith('/api')) return true;
	if (pathname.startsWith('/api')) return false;
	const page = pathname.replace(/\/__data\.json$/, '').replace(/\/$/, '') || '/';
	return OPEN_PAGES.has(page);
}
