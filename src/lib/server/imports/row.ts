import type { Access, JobRole, Language } from '$lib/server/db/schema';
import { fields } from '$lib/server/validation';
import { ATTRIBUTE_PREFIX, type ColumnMap } from './columns';
import { clip, hasControlCharacter, MAX_TEXT_LENGTH, quote, unitPathKey } from './text';
import type { ExistingUser, ImportRecord, PreviewRow } from './types';
import { parseJobRole, parseLanguage, parseUserType, type JobRoles } from './values';

export interface RowContext {
	columns: ColumnMap;
	levels: readonly string[];
	existingUsers: ReadonlyMap<string, ExistingUser>;
	jobRoles: JobRoles;
}

export interface CheckedRow {
	row: PreviewRow;
	/** The normalized record; only meaningful when row.errors is empty. */
	record: ImportRecord;
}

function checkText(label: string, value: string, errors: string[]): void {
	if (value.length > MAX_TEXT_LENGTH) errors.push(`${label} is longer than ${MAX_TEXT_LENGTH} characters`);
	if (hasControlCharacter(value)) errors.push(`${label} contains a line break or another control character`);
}

function checkUnitPath(ctx: RowContext, values: string[], errors: string[]): string[] {
	const last = values.reduce((acc, v, i) => (v !== '' ? i : acc), -1);
	if (ctx.levels.length === 0) return [];
	if (last < 0) {
		errors.push(`${ctx.levels[0]} is required`);
		return [];
	}
	values.forEach((v, i) => {
		if (v !== '') checkText(ctx.levels[i], v, errors);
		else if (i < last) {
			const below = values.findIndex((w, j) => j > i && w !== '');
			errors.push(`${ctx.levels[i]} is missing while ${ctx.levels[below]} is set`);
		}
	});
	return values.slice(0, last + 1);
}

function checkAttributes(ctx: RowContext, get: (i: number) => string, unitPath: string[], errors: string[]): Record<string, string> {
	const values: Record<string, string> = {};
	for (const { key, index } of ctx.columns.attributes) {
		const value = get(index);
		if (value === '') continue;
		checkText(`${ATTRIBUTE_PREFIX}${key}`, value, errors);
		values[key] = value;
	}
	if (Object.keys(values).length > 0 && unitPath.length === 0) errors.push('Unit attributes (unit_ columns) need a unit on the same row');
	return values;
}

function showPath(path: readonly string[] | null): string {
	return path && path.length > 0 ? path.join(' / ') : '(none)';
}

function describeChanges(before: ExistingUser, after: ImportRecord, scopePath: string[] | null): string[] {
	const changes: string[] = [];
	if (before.name !== after.name) changes.push(`Name: ${quote(before.name)} → ${quote(after.name)}`);
	if (before.language !== after.language) changes.push(`Language: ${before.language} → ${after.language}`);
	const unitChanged = unitPathKey(before.unitPath ?? []) !== unitPathKey(after.unitPath);
	if (unitChanged) changes.push(`Unit: ${showPath(before.unitPath)} → ${showPath(after.unitPath)}`);
	if (before.jobRole !== after.jobRole) changes.push(`Job role: ${before.jobRole ?? '(none)'} → ${after.jobRole ?? '(none)'}`);
	const accessChanged = before.access !== after.access;
	if (accessChanged) changes.push(`User type: ${before.access} → ${after.access}`);
	const scopeChanged = unitPathKey(before.scopeUnitPath ?? []) !== unitPathKey(scopePath ?? []);
	if (scopeChanged && !accessChanged && !unitChanged) changes.push(`Viewer scope: ${showPath(before.scopeUnitPath)} → ${showPath(scopePath)}`);
	return changes;
}

/** Validates one data row and normalizes it. Pure: compares against the given existing users only. */
export function checkRow(ctx: RowContext, cells: readonly string[], rowNumber: number): CheckedRow {
	const get = (i: number | null): string => (i === null ? '' : (cells[i] ?? ''));
	const errors: string[] = [];
	const notes: string[] = [];

	const name = get(ctx.columns.name);
	if (name === '') errors.push('Name is required');
	else checkText('Name', name, errors);

	const rawEmail = get(ctx.columns.email);
	const parsedEmail = fields.email.safeParse(rawEmail);
	if (rawEmail === '') errors.push('Email is required');
	else if (!parsedEmail.success) errors.push(`Email ${quote(rawEmail)} is not a valid address`);
	const email = parsedEmail.success ? parsedEmail.data : rawEmail.toLowerCase();
	const existing = parsedEmail.success ? ctx.existingUsers.get(email) : undefined;

	const rawLanguage = get(ctx.columns.language);
	let language: Language = existing?.language ?? 'en';
	if (rawLanguage !== '') {
		const parsed = parseLanguage(rawLanguage);
		if (parsed) language = parsed;
		else errors.push(`Language ${quote(rawLanguage)} is not supported (use en or sv)`);
	}

	const rawType = get(ctx.columns.userType);
	let access: Access = existing?.access ?? 'participant';
	if (rawType !== '') {
		const parsed = parseUserType(rawType);
		if (parsed === 'admin') errors.push(`User type ${quote(rawType)} cannot be set by an import (use participant or viewer)`);
		else if (parsed === null) errors.push(`User type ${quote(rawType)} is not recognized (use participant or viewer)`);
		else if (existing?.access === 'admin') notes.push(`Stays admin: user type ${quote(rawType)} does not change an admin's access`);
		else access = parsed;
	}

	const rawRole = get(ctx.columns.jobRole);
	let jobRole: JobRole | null = existing?.jobRole ?? null;
	if (rawRole !== '') {
		const parsed = parseJobRole(rawRole, ctx.jobRoles);
		if (parsed) jobRole = parsed;
		else errors.push(`Job role ${quote(rawRole)} is not recognized (use ${ctx.jobRoles.keys.join(', ')})`);
	} else if (jobRole === null && access === 'participant') {
		errors.push(`Job role is required for participants (use ${ctx.jobRoles.keys.join(', ')})`);
	}

	const unitPath = checkUnitPath(ctx, ctx.columns.levels.map(get), errors);
	const unitAttributes = checkAttributes(ctx, get, unitPath, errors);
	const record: ImportRecord = {
		rowNumber,
		email,
		name,
		language,
		unitPath,
		unitAttributes,
		jobRole,
		access,
		action: 'create',
		accessBefore: existing?.access ?? null
	};
	let changes: string[] = [];
	if (existing) {
		const scopePath = access === 'viewer' ? unitPath : access === 'admin' ? existing.scopeUnitPath : null;
		changes = errors.length === 0 ? describeChanges(existing, record, scopePath) : [];
		record.action = errors.length > 0 || changes.length > 0 ? 'update' : 'unchanged';
	}
	const row: PreviewRow = { rowNumber, email: clip(email, 254), name: clip(name), action: record.action, errors, notes, changes };
	return { row, record };
}
