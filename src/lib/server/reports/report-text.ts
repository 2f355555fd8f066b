/**
 * The words and formatted figures both report renderers print, in the reader's language. Figures are
 * only ever formatted here, never derived: every number in a report is one the results page shows.
 */
import { translator, type Translate } from '$lib/i18n';
import { round2, statusWord, type Status } from '$lib/results/colour';
import type { Interval } from '$lib/results/interval';
import { count, formatDay, formatMonth, score, signed } from '$lib/results/format';
import { chartColours } from '$lib/charts/colours';
import type { ActionView } from '$lib/server/actions/queries';
import type { ReportData } from './data';

export const STATUSES: Status[] = ['green', 'yellow', 'red', 'neutral'];

export const statusFill = (s: Status | null) => chartColours.status[s ?? 'neutral'].fill;

export interface ReportText {
	t: Translate;
	locale: ReportData['locale'];
	/** A score or benchmark, 2 decimals in the locale; '–' when hidden. */
	score: (v: number | null) => string;
	/** A difference as given (+0.25 / −0.40); '–' when hidden. */
	signed: (v: number | null) => string;
	count: (v: number | null) => string;
	day: (d: Date | string | null) => string;
	/** A round on a trend axis as the page's TrendSection writes it: its closing month ("Mar 2026"), its name only when it has no date. */
	roundLabel: (r: { name: string; closedAt: Date | string | null }) => string;
	/** The status word; with `inLine`, "in line with the benchmark" for red and yellow, as the page's chip says. */
	status: (s: Status | null, inLine?: boolean) => string;
	/** "n = 38 · 90 %: 3.10–3.50" as the page's area table prints it; null where the page prints none (hidden). */
	interval: (a: Spread) => string | null;
	/** "3.30 (n = 38, 90 % interval 3.10–3.50)" as the area page prints it; the score alone where there is no interval. */
	scoreWithInterval: (a: Spread & { score: number | null }) => string;
	areaName: (key: string) => string;
	statementText: (key: string) => string;
	/** The short note beside a hidden figure. */
	hidden: string;
	hiddenNote: string;
	benchmark: string;
	actionStatus: (a: ActionView) => string;
	footer: string;
	title: string;
}

/** A score's n and interval, as an area's figures carry them. */
type Spread = { n: number | null; interval: Interval | null };

export function reportText(data: ReportData): ReportText {
	const { locale, results: r } = data;
	const t = translator(locale);
	const areas = new Map(r.areas.map((a) => [a.key, a.name]));
	const statements = new Map(r.statements.map((s) => [s.key, s.text]));
	const k = r.round.k;
	return {
		t,
		locale,
		score: (v) => score(v, locale),
		signed: (v) => signed(v, locale),
		count: (v) => (v === null ? '–' : count(v, locale)),
		day: (d) => (d === null ? '–' : formatDay(d, locale)),
		roundLabel: (r) => (r.closedAt ? formatMonth(r.closedAt, locale) : r.name),
		status: (s, inLine = false) => (s === null ? t('results.suppressedShort') : t(`results.status.${statusWord(s, inLine)!}`)),
		// As the page: only with both (the interval needs two area means).
		interval: (a) =>
			a.interval && a.n ? t('results.interval.short', { n: a.n, low: score(a.interval.low, locale), high: score(a.interval.high, locale) }) : null,
		scoreWithInterval: (a) =>
			a.interval && a.n
				? t('results.interval.long', { score: score(a.score, locale), n: a.n, low: score(a.interval.low, locale), high: score(a.interval.high, locale) })
				: score(a.score, locale),
		areaName: (key) => areas.get(key) ?? key,
		statementText: (key) => statements.get(key) ?? key,
		hidden: t('report.hidden', { k }),
		hiddenNote: t('report.hiddenNote', { k }),
		benchmark: benchmarkText(data, t),
		actionStatus: (a) => t(`actions.status.${a.status}`) + (a.overdue ? ` (${t('report.actions.overdue')})` : ''),
		// At the organization's level the unit is the organization: named once.
		footer: r.unit.isOrganization
			? t('report.footer.organization', { organization: data.organization, round: r.round.name })
			: t('report.footer', { organization: data.organization, unit: r.unit.name, round: r.round.name }),
		title: t('report.title')
	};
}

function benchmarkText(data: ReportData, t: Translate): string {
	const { locale, results: r } = data;
	const b = r.benchmark;
	const n = (v: number) => count(v, locale);
	if (b.source === null) return t('results.benchmark.none', { high: score(r.high, locale) });
	if (b.source === 'import')
		return t('results.benchmark.aboutImported', { label: b.label ?? '', organizations: n(b.organizations), respondents: n(b.respondents) });
	const about = t('results.benchmark.about', {
		organizations: n(b.organizations),
		respondents: n(b.respondents),
		date: b.builtAt ? formatDay(b.builtAt, locale) : '–'
	});
	return b.carriedVersions.length ? `${about} ${t('results.benchmark.carried', { versions: b.carriedVersions.join(', ') })}` : about;
}

/** A figure as the page shows it (2 decimals), for chart values that the reader's program formats. */
export const shown = (v: number | null) => (v === null ? null : round2(v));

/** Progress reporting in steps: each finished section moves the fraction on. */
export function progress(steps: number, onProgress?: (fraction: number) => void) {
	let done = 0;
	return () => onProgress?.(Math.min(1, ++done / steps));
}
