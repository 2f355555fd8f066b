import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema';
import { freshDatabase } from '$tests/fresh-db';
import { distributionPlan, migratorTables, type Placement } from './distribution';

/**
 * Reads the catalog of a freshly migrated database and checks it against the distribution plan and
 * the rules Citus sets for tables distributed by organization_id (docs/scaling.md).
 */
let db: Kysely<Database>;
let drop: () => Promise<void>;
beforeAll(async () => {
	({ db, drop } = await freshDatabase('sos_distribution'));
});
afterAll(() => drop());

const plan = distributionPlan as Record<string, Placement>;
const kindOf = (table: string) => plan[table]?.kind;

interface Index {
	table: string;
	name: string;
	columns: (string | null)[];
}
interface ForeignKey {
	table: string;
	name: string;
	columns: string[];
	refTable: string;
	refColumns: string[];
	onDelete: string;
	onUpdate: string;
	setColumns: string[] | null;
}

async function tables(): Promise<string[]> {
	const { rows } = await sql<{ name: string }>`
		SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
		WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY 1`.execute(db);
	return rows.map((r) => r.name);
}

async function uniqueIndexes(): Promise<Index[]> {
	const { rows } = await sql<Index>`
		SELECT t.relname AS table, i.relname AS name,
			array(SELECT a.attname::text FROM unnest(x.indkey::int2[]) WITH ORDINALITY k(attnum, n)
				LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.n) AS columns
		FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
		WHERE n.nspname = 'public' AND x.indisunique`.execute(db);
	return rows;
}

async function foreignKeys(): Promise<ForeignKey[]> {
	const { rows } = await sql<ForeignKey>`
		SELECT t.relname AS table, c.conname AS name, r.relname AS "refTable",
			array(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(attnum, n) JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum ORDER BY k.n) AS columns,
			array(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k(attnum, n) JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum ORDER BY k.n) AS "refColumns",
			c.confdeltype AS "onDelete", c.confupdtype AS "onUpdate", c.confdelsetcols::int2[] AS "setColumns"
		FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_class r ON r.oid = c.confrelid JOIN pg_namespace n ON n.oid = t.relnamespace
		WHERE n.nspname = 'public' AND c.contype = 'f'`.execute(db);
	return rows;
}

const describeFk = (f: ForeignKey) => `${f.table}.${f.name} (${f.columns}) → ${f.refTable} (${f.refColumns})`;

describe('the distribution plan (Citus, by organization_id)', () => {
	it('names every table of the schema, and only those', async () => {
		const all = (await tables()).filter((t) => !migratorTables.includes(t));
		expect(
			all.filter((t) => !plan[t]),
			'tables missing from db/distribution.ts'
		).toEqual([]);
		expect(
			Object.keys(plan).filter((t) => !all.includes(t)),
			'tables in the plan that do not exist'
		).toEqual([]);
	});

	it('gives every distributed table a NOT NULL organization_id', async () => {
		const { rows } = await sql<{ table: string; nullable: string }>`
			SELECT table_name AS table, is_nullable AS nullable FROM information_schema.columns
			WHERE table_schema = 'public' AND column_name = 'organization_id'`.execute(db);
		const notNull = new Set(rows.filter((r) => r.nullable === 'NO').map((r) => r.table));
		const lacking = Object.keys(plan).filter((t) => kindOf(t) === 'distributed' && !notNull.has(t));
		expect(lacking).toEqual([]);
	});

	it('puts organization_id in every unique constraint and unique index of a distributed table', async () => {
		const bad = (await uniqueIndexes()).filter((i) => kindOf(i.table) === 'distributed' && !i.columns.includes('organization_id'));
		expect(bad.map((i) => `${i.table}.${i.name} (${i.columns.map((c) => c ?? 'expression')})`)).toEqual([]);
	});

	it('has no foreign key that sets a column list to null or default, nor one of a distributed table that sets anything', async () => {
		const fks = await foreignKeys();
		const withList = fks.filter((f) => f.setColumns && f.setColumns.length > 0);
		expect(withList.map(describeFk), 'SET NULL/SET DEFAULT (columns)').toEqual([]);
		const setting = fks.filter((f) => kindOf(f.table) === 'distributed' && ['n', 'd'].some((a) => f.onDelete === a || f.onUpdate === a));
		expect(setting.map(describeFk), 'SET NULL/SET DEFAULT on a distributed table (it would null organization_id)').toEqual([]);
	});

	it('lets foreign keys point only where Citus allows', async () => {
		const allowed: Record<Placement['kind'], Placement['kind'][]> = {
			distributed: ['distributed', 'reference'],
			reference: ['reference'],
			coordinator: ['coordinator', 'reference']
		};
		const bad = (await foreignKeys()).filter((f) => !allowed[kindOf(f.table)!]?.includes(kindOf(f.refTable)!));
		expect(bad.map((f) => `${kindOf(f.table)} → ${kindOf(f.refTable)}: ${describeFk(f)}`)).toEqual([]);
	});

	it('co-locates foreign keys between distributed tables: organization_id on both sides, matched', async () => {
		const bad = (await foreignKeys()).filter((f) => {
			if (kindOf(f.table) !== 'distributed' || kindOf(f.refTable) !== 'distributed') return false;
			const i = f.columns.indexOf('organization_id');
			return i < 0 || f.refColumns[i] !== 'organization_id';
		});
		expect(bad.map(describeFk)).toEqual([]);
	});

	it('catches a table that breaks the rules (the checks are not vacuous)', async () => {
		await sql`CREATE TABLE units_shadow (organization_id uuid, id uuid, token text UNIQUE,
			FOREIGN KEY (organization_id, id) REFERENCES units(organization_id, id) ON DELETE SET NULL (id))`.execute(db);
		try {
			plan.units_shadow = { kind: 'distributed', column: 'organization_id' };
			expect((await uniqueIndexes()).some((i) => i.table === 'units_shadow' && !i.columns.includes('organization_id'))).toBe(true);
			expect((await foreignKeys()).some((f) => f.table === 'units_shadow' && f.setColumns?.length)).toBe(true);
		} finally {
			delete plan.units_shadow;
			await sql`DROP TABLE units_shadow`.execute(db);
		}
	});
});
