import type { Access, JobRole, Language } from '$lib/server/db/schema';

export type ImportAction = 'create' | 'update' | 'unchanged';

/** An existing user of the organization, as validation compares against it. */
export interface ExistingUser {
	id: string;
	name: string;
	language: Language;
	/** Unit names from the top level down; null when the user has no unit. */
	unitPath: string[] | null;
	jobRole: JobRole | null;
	access: Access;
	/** The unit a viewer may see, as a path; null when none. */
	scopeUnitPath: string[] | null;
}

/** One data row of the file as the admin sees it in the preview. */
export interface PreviewRow {
	/** Spreadsheet row number (the header is row 1). */
	rowNumber: number;
	email: string;
	name: string;
	/** What applying would do for this row (for rows with errors: what it would do once fixed). */
	action: ImportAction;
	errors: string[];
	/** Information that is not an error, e.g. that an admin keeps admin access. */
	notes: string[];
	/** For updates: what changes, e.g. "Name: 'Ann' → 'Anna'". */
	changes: string[];
}

/** creates + updates + unchanged count rows without errors; errors counts rows with at least one error. */
export interface ImportCounts {
	rows: number;
	creates: number;
	updates: number;
	unchanged: number;
	errors: number;
	newUnits: number;
	/** Units whose attributes (unit_ columns) applying would set or change. */
	unitAttributes: number;
}

export interface ImportPreview {
	/** The organization's level names the file was checked against. */
	levels: string[];
	/** File-level remarks, e.g. unknown columns that were ignored. */
	warnings: string[];
	counts: ImportCounts;
	/** Units that applying would create, each as its full path (top level first); at most the first 1000. */
	newUnits: string[][];
	/** Attribute values applying would set, e.g. "Nordics / Stockholm: sales_model 'Field'" (at most the first 1000). */
	unitAttributes?: string[];
	/**
	 * Rows shown in detail: the first 1000 rows with errors, and the first 1000 other rows that create,
	 * update or carry a note. Unchanged rows without notes are only counted.
	 */
	rows: PreviewRow[];
	/** Rows with errors / changes that were counted but left out of `rows` to keep the preview small. */
	omitted: { errorRows: number; otherRows: number; newUnits: number };
}

/** A row that passed validation, normalized for writing. */
export interface ImportRecord {
	rowNumber: number;
	email: string;
	name: string;
	language: Language;
	unitPath: string[];
	/** Attribute values this row gives its unit (non-empty unit_ cells), by key. */
	unitAttributes: Record<string, string>;
	jobRole: JobRole | null;
	access: Access;
	action: ImportAction;
	/** The existing user's access, or null for a new user. */
	accessBefore: Access | null;
}
