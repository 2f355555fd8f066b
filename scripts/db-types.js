// Generates src/lib/server/db/generated.ts (the database's types) from the migrations, with kysely-codegen:
// creates a temporary database on DATABASE_URL's server (default: the local PostgreSQL on 127.0.0.1:5432),
// applies every migration, reads its catalog, and drops it.
//   npm run db:types               writes the file
//   npm run db:types -- --print    prints what the file should hold (the drift test compares the two)
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import { createServer } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const generatedFile = path.join(root, 'src/lib/server/db/generated.ts');

/** How kysely-codegen is run: bigint counts are numbers and dates plain strings (see db/index.ts's type parsers). */
const codegenArgs = [
	'--dialect',
	'postgres',
	'--exclude-pattern',
	'kysely_migration*',
	'--date-parser',
	'string',
	'--type-mapping',
	'{"int8":"number"}',
	'--log-level',
	'error'
];

async function admin(server, text) {
	const c = new pg.Client({ connectionString: server });
	await c.connect();
	try {
		await c.query(text);
	} finally {
		await c.end();
	}
}

async function migrate(url) {
	// The migrations are TypeScript: load them the way the app's build does, through Vite.
	const vite = await createServer({
		root,
		configFile: false,
		logLevel: 'silent',
		server: { middlewareMode: true, hmr: false, watch: null },
		appType: 'custom'
	});
	try {
		const { migrateToLatest } = await vite.ssrLoadModule('/src/lib/server/db/migrate.ts');
		const db = new Kysely({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 2 }) }) });
		try {
			await migrateToLatest(db);
		} finally {
			await db.destroy();
		}
	} finally {
		await vite.close();
	}
}

/** The generated file's text for a freshly migrated database. */
export async function generateTypes() {
	const server = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
	const name = `sos_types_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
	await admin(server, `CREATE DATABASE ${name}`);
	try {
		const url = new URL(server);
		url.pathname = `/${name}`;
		await migrate(url.toString());
		const bin = path.join(root, 'node_modules/kysely-codegen/dist/cli/bin.js');
		const out = spawnSync(process.execPath, [bin, '--url', url.toString(), ...codegenArgs, '--print'], {
			cwd: root,
			encoding: 'utf8',
			env: { ...process.env, DATABASE_URL: url.toString() }
		});
		if (out.status !== 0) throw new Error(`kysely-codegen failed:\n${out.stderr}${out.stdout}`);
		return out.stdout.trimEnd() + '\n';
	} finally {
		await admin(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
	}
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const text = await generateTypes();
	if (process.argv.includes('--print')) process.stdout.write(text);
	else {
		const { writeFileSync } = await import('node:fs');
		writeFileSync(generatedFile, text);
		console.log(`wrote ${path.relative(root, generatedFile)}`);
	}
}
