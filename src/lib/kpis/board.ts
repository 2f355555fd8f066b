/** What the alarm board shows (types shared by the server, which computes it, and the page). */
import type { AlarmStatus } from './alarm';
import type { KpiDefinition } from './definition';

export interface BoardCheck {
	status: AlarmStatus;
	plan: string | null;
	actual: string | null;
	deviationPct: string | null;
	missing: 'plan' | 'actual' | null;
}

export interface BoardCell {
	kpi: string;
	/** The month's figures (also for a KPI without an alarm). */
	plan: string | null;
	actual: string | null;
	month: BoardCheck | null;
	ytd: BoardCheck | null;
	runRate: BoardCheck | null;
	worst: AlarmStatus;
}

export interface BoardRow {
	/** total: the chosen unit (or the organization); unit: a child unit's subtree; own: the unit's own figures; person: a person in it. */
	kind: 'total' | 'unit' | 'own' | 'person';
	id: string | null;
	name: string;
	/** Whether the caller may open the row's unit (drill down). */
	drill: boolean;
	cells: BoardCell[];
}

export interface BoardKpi {
	key: string;
	names: KpiDefinition['names'];
	unit: KpiDefinition['unit'];
	direction: KpiDefinition['direction'];
	/** False for a figure without thresholds (a part others are built from). */
	alarm: boolean;
}

export interface KpiBoard {
	month: string;
	zone: string;
	/** The chosen unit; null at the organization's top. */
	unit: { id: string; name: string } | null;
	/** From where the caller starts down to the chosen unit's parent, for going back up (null id: the top). */
	path: { id: string | null; name: string }[];
	kpis: BoardKpi[];
	total: BoardRow;
	rows: BoardRow[];
}

export const CHECKS = ['month', 'ytd', 'runRate'] as const;
