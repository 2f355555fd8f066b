import { translator, type Locale } from '$lib/i18n';
import type { BoardCell } from '$lib/kpis/board';
import type { KpiDefinition } from '$lib/kpis/definition';
import { formatDeviation, formatFigure, formatMonthName } from '$lib/kpis/format';
import type { Month } from '$lib/kpis/month';
import { layout } from './templates';

/** One alarm as its owner hears of it: the KPI, the unit (or the organization), the level and the board's figures. */
export interface AlarmLine {
	kpi: KpiDefinition;
	unit: string;
	level: 'amber' | 'red';
	cell: BoardCell;
	/** The unit's monthly review of the month. */
	review: string;
}

interface AlarmDigestMail {
	name: string;
	month: Month;
	/** The board of the month. */
	link: string;
	alarms: AlarmLine[];
}

const CHECKS = ['month', 'ytd', 'runRate'] as const;

/**
 * To a KPI's owner once the month's actuals are in: the new amber and red alarms of their KPIs on the
 * units they may see, each with its month, year to date and pace against plan, and a link to its review.
 */
export function kpiAlarmDigestEmail(locale: Locale, m: AlarmDigestMail) {
	const t = translator(locale);
	const month = formatMonthName(m.month, locale);
	const item = (a: AlarmLine) => {
		const checks = CHECKS.flatMap((c) => {
			const x = a.cell[c];
			if (!x || x.status === 'no_data') return [];
			const detail = t('kpis.board.checkDetail', {
				actual: formatFigure(x.actual, a.kpi.unit, locale),
				plan: formatFigure(x.plan, a.kpi.unit, locale),
				deviation: formatDeviation(x.deviationPct, locale)
			});
			return [t('email.kpiAlarm.check', { check: t(`kpis.check.${c}`), detail, status: t(`kpis.status.${x.status}`) })];
		});
		return t('email.kpiAlarm.item', { kpi: a.kpi.names[locale], unit: a.unit, status: t(`kpis.status.${a.level}`), checks: checks.join('; '), link: a.review });
	};
	return {
		subject: t('email.kpiAlarm.subject', { month }),
		...layout({
			heading: t('email.kpiAlarm.heading', { month }),
			paragraphs: [t('email.loop.greeting', { name: m.name }), t('email.kpiAlarm.body', { month }), m.alarms.map(item), t('email.kpiAlarm.next')],
			button: t('email.kpiAlarm.button'),
			link: m.link,
			footer: t('email.kpiAlarm.footer')
		})
	};
}
