#!/usr/bin/env node
/**
 * Codemod: the database executor becomes the optional LAST parameter of domain functions.
 *
 *   before: export async function listUsers(db: Db, opts: Opts) { ... db.selectFrom(...) ... }
 *           await listUsers(db(), { organizationId });          await listUsers(trx, opts);
 *   after:  export async function listUsers(opts: Opts, executor: Db = db()) { ... executor.selectFrom(...) ... }
 *           await listUsers({ organizationId });                await listUsers(opts, trx);
 *
 * Declarations converted: function declarations and module-level `const f = (...) =>` in src/, tests/ and
 * bench/ (not src/lib/server/db/) whose FIRST parameter is typed as a Kysely instance (Db, Kysely<Database>).
 * Parameters typed as a Transaction stay where they are (those functions need a transaction).
 * Call sites converted: every call of a converted function whose first argument is a Kysely/Transaction while
 * the function's first parameter is not: the executor moves last; an argument `db()` is dropped (it is the default).
 *
 * Idempotent: on a converted tree it makes 0 edits. Usage: `node scripts/codemods/executor-last.mjs [--dry]`
 * (run `npx svelte-kit sync` first so that `$lib` resolves). Prints the number of edits made.
 */
import ts from 'typescript';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const dry = process.argv.includes('--dry');
const DB_MODULE = path.join(root, 'src/lib/server/db/index.ts');
const SCAN_DIRS = ['src', 'tests', 'bench'].map((d) => path.join(root, d));
const SKIP_DECL_DIR = path.join(root, 'src/lib/server/db') + path.sep;
const NEW_NAME = 'executor';

function listFiles(dir) {
	const out = [];
	if (!fs.existsSync(dir)) return out;
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const p = path.join(dir, entry.name);
		if (entry.isDirectory()) {
			if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
			out.push(...listFiles(p));
		} else if (/\.(ts|mts|cts)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(p);
	}
	return out;
}

function inScan(file) {
	return SCAN_DIRS.some((d) => file.startsWith(d + path.sep));
}

function createProgram() {
	const configPath = path.join(root, 'tsconfig.json');
	const parsed = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
	const extra = SCAN_DIRS.flatMap(listFiles);
	const names = [...new Set([...(parsed?.fileNames ?? []).filter((f) => !f.endsWith('.svelte')), ...extra])];
	return ts.createProgram(names, { ...(parsed?.options ?? {}), noEmit: true, allowJs: true });
}

/** A Kysely instance (Db, Kysely<X>) or, with `orTransaction`, a Transaction. */
function isExecutorType(checker, type, orTransaction) {
	if (!type || type.flags & ts.TypeFlags.Any) return false;
	const names = new Set();
	const visit = (t, depth) => {
		if (!t || depth > 5) return;
		const s = t.aliasSymbol ?? t.getSymbol();
		if (s) names.add(s.getName());
		const s2 = t.getSymbol();
		if (s2) names.add(s2.getName());
		if (t.isUnion && t.isUnion()) return; // a union (e.g. Db | undefined) is not an executor
		for (const b of checker.getBaseTypes?.(t.target ?? t) ?? []) visit(b, depth + 1);
	};
	try {
		visit(type, 0);
	} catch {
		/* not a class/interface type */
	}
	if (names.has('Transaction') || names.has('ControlledTransaction')) return orTransaction;
	return names.has('Kysely') || names.has('Db');
}

function isFunctionLike(node) {
	return ts.isFunctionDeclaration(node) || ts.isArrowFunction(node) || ts.isFunctionExpression(node);
}

/** Function declarations and module-level `const f = (...) =>` / `function` expressions. */
function candidateFunctions(sf) {
	const out = [];
	for (const st of sf.statements) {
		if (ts.isFunctionDeclaration(st) && st.body) out.push(st);
		if (ts.isVariableStatement(st))
			for (const d of st.declarationList.declarations)
				if (d.initializer && (ts.isArrowFunction(d.initializer) || ts.isFunctionExpression(d.initializer))) out.push(d.initializer);
	}
	return out;
}

function isConverted(fn) {
	const ps = fn.parameters;
	const last = ps[ps.length - 1];
	return !!last && ts.isIdentifier(last.name) && last.name.text === NEW_NAME && !!last.initializer;
}

function needsConversion(checker, fn, file) {
	if (file.startsWith(SKIP_DECL_DIR)) return false;
	const ps = fn.parameters;
	if (ps.length === 0 || isConverted(fn)) return false;
	const first = ps[0];
	if (!first.type || !ts.isIdentifier(first.name) || first.dotDotDotToken || first.initializer || first.questionToken) return false;
	if (ps.some((p) => p.dotDotDotToken)) return false;
	if (ts.isFunctionDeclaration(fn) && fn.name) {
		const sym = checker.getSymbolAtLocation(fn.name);
		if (sym && (sym.declarations ?? []).filter((d) => ts.isFunctionDeclaration(d)).length > 1) return false; // overloads
	}
	return isExecutorType(checker, checker.getTypeFromTypeNode(first.type), false);
}

function resolveDeclaration(checker, call) {
	let sig;
	try {
		sig = checker.getResolvedSignature(call);
	} catch {
		return undefined;
	}
	const d = sig?.declaration;
	if (!d || !isFunctionLike(d)) return undefined;
	return d;
}

/** `db()` where `db` is the app pool from src/lib/server/db. */
function isDefaultDbCall(checker, node) {
	if (!ts.isCallExpression(node) || node.arguments.length !== 0 || !ts.isIdentifier(node.expression) || node.expression.text !== 'db') return false;
	let sym = checker.getSymbolAtLocation(node.expression);
	if (sym && sym.flags & ts.SymbolFlags.Alias) sym = checker.getAliasedSymbol(sym);
	const decl = sym?.declarations?.[0];
	return !!decl && path.resolve(decl.getSourceFile().fileName) === DB_MODULE;
}

function dbModuleSpecifier(file) {
	if (file.startsWith(path.join(root, 'src') + path.sep)) return '$lib/server/db';
	if (file.startsWith(path.join(root, 'tests') + path.sep) || file.startsWith(path.join(root, 'bench') + path.sep)) return '$lib/server/db';
	return null;
}

/** Edits that make `db` (the pool) importable in sf. Null if nothing is needed. */
function ensureDbImport(checker, sf) {
	let typeOnly = null;
	for (const st of sf.statements) {
		if (!ts.isImportDeclaration(st) || !ts.isStringLiteral(st.moduleSpecifier)) continue;
		const mod = ts.resolveModuleName(st.moduleSpecifier.text, sf.fileName, program.getCompilerOptions(), ts.sys).resolvedModule;
		if (!mod || path.resolve(mod.resolvedFileName) !== DB_MODULE) continue;
		const nb = st.importClause?.namedBindings;
		if (!nb || !ts.isNamedImports(nb)) continue;
		const spec = nb.elements.find((e) => (e.propertyName ?? e.name).text === 'db');
		if (spec && !spec.isTypeOnly && !st.importClause.isTypeOnly) return [];
		if (st.importClause.isTypeOnly) {
			typeOnly ??= st;
			continue;
		}
		// value import without db: add it first
		const firstEl = nb.elements[0];
		return firstEl
			? [{ start: firstEl.getStart(sf), end: firstEl.getStart(sf), text: 'db, ' }]
			: [{ start: nb.getStart(sf) + 1, end: nb.getStart(sf) + 1, text: ' db ' }];
	}
	if (typeOnly && typeOnly.importClause.namedBindings && ts.isNamedImports(typeOnly.importClause.namedBindings) && !typeOnly.importClause.name) {
		// import type { Db } from '$lib/server/db'  ->  import { db, type Db } from '$lib/server/db'
		const els = typeOnly.importClause.namedBindings.elements.map((e) => 'type ' + e.getText(sf).replace(/^type\s+/, ''));
		return [{ start: typeOnly.getStart(sf), end: typeOnly.end, text: `import { db, ${els.join(', ')} } from ${typeOnly.moduleSpecifier.getText(sf)};` }];
	}
	const spec = dbModuleSpecifier(sf.fileName);
	if (!spec) return null;
	const anchor = typeOnly ?? [...sf.statements].reverse().find((s) => ts.isImportDeclaration(s));
	const pos = anchor ? anchor.end : 0;
	return [{ start: pos, end: pos, text: (anchor ? '\n' : '') + `import { db } from '${spec}';` + (anchor ? '' : '\n') }];
}

/** Is there a module-level binding named `db` that is not the pool import? */
function hasOtherTopLevelDb(sf) {
	for (const st of sf.statements) {
		if (ts.isVariableStatement(st)) for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name) && d.name.text === 'db') return true;
		if ((ts.isFunctionDeclaration(st) || ts.isClassDeclaration(st)) && st.name?.text === 'db') return true;
	}
	return false;
}

let program;

function planPass() {
	program = createProgram();
	const checker = program.getTypeChecker();
	const edits = new Map(); // file -> edits
	const add = (file, list) => {
		if (!edits.has(file)) edits.set(file, []);
		edits.get(file).push(...list);
	};
	const files = program.getSourceFiles().filter((sf) => inScan(path.resolve(sf.fileName)));

	// 1. declarations
	let declCount = 0;
	for (const sf of files) {
		const file = path.resolve(sf.fileName);
		const fns = candidateFunctions(sf).filter((fn) => needsConversion(checker, fn, file));
		if (!fns.length) continue;
		if (hasOtherTopLevelDb(sf)) {
			console.warn(`skip ${path.relative(root, file)}: it has its own top-level 'db'`);
			continue;
		}
		const fileEdits = [];
		for (const fn of fns) {
			const ps = fn.parameters;
			const first = ps[0];
			const typeText = first.type.getText(sf);
			const paramSym = checker.getSymbolAtLocation(first.name);
			// remove the first parameter
			if (ps.length === 1) {
				fileEdits.push({ start: first.getStart(sf), end: first.end, text: `${NEW_NAME}: ${typeText} = db()` });
			} else {
				fileEdits.push({ start: first.getStart(sf), end: ps[1].getStart(sf), text: '' });
				const last = ps[ps.length - 1];
				fileEdits.push({ start: last.end, end: last.end, text: `, ${NEW_NAME}: ${typeText} = db()` });
			}
			// rename the parameter's uses
			const oldName = first.name.text;
			if (fn.body && oldName !== NEW_NAME) {
				const visit = (n) => {
					if (ts.isShorthandPropertyAssignment(n) && n.name.text === oldName) {
						const vs = checker.getShorthandAssignmentValueSymbol(n);
						if (vs === paramSym) fileEdits.push({ start: n.name.getStart(sf), end: n.name.end, text: `${oldName}: ${NEW_NAME}` });
						return;
					}
					if (ts.isIdentifier(n) && n.text === oldName && checker.getSymbolAtLocation(n) === paramSym) {
						fileEdits.push({ start: n.getStart(sf), end: n.end, text: NEW_NAME });
					}
					ts.forEachChild(n, visit);
				};
				visit(fn.body);
			}
			declCount++;
		}
		const imp = ensureDbImport(checker, sf);
		if (imp === null) {
			console.warn(`skip ${path.relative(root, file)}: cannot import db`);
			continue;
		}
		add(file, [...fileEdits, ...imp]);
	}
	if (declCount) return { edits, count: declCount, kind: 'declarations' };

	// 2. call sites (declarations are all converted by now)
	let callCount = 0;
	for (const sf of files) {
		const file = path.resolve(sf.fileName);
		const fileEdits = [];
		const visit = (n) => {
			if (ts.isCallExpression(n) && n.arguments.length >= 1 && !n.arguments.some((a) => ts.isSpreadElement(a))) {
				const decl = resolveDeclaration(checker, n);
				if (decl && isConverted(decl)) {
					const ps = decl.parameters;
					const a0 = n.arguments[0];
					const firstParamIsExecutor = ps.length === 1 || isExecutorType(checker, checker.getTypeAtLocation(ps[0]), true);
					if (!firstParamIsExecutor && isExecutorType(checker, checker.getTypeAtLocation(a0), true)) {
						const rest = n.arguments.slice(1).map((a) => a.getText(sf));
						if (!isDefaultDbCall(checker, a0)) {
							while (rest.length < ps.length - 1) rest.push('undefined');
							rest.push(a0.getText(sf));
						}
						const args = n.arguments;
						fileEdits.push({ start: args[0].getStart(sf), end: args[args.length - 1].end, text: rest.join(', '), call: true });
						callCount++;
					} else if (n.arguments.length === ps.length && isDefaultDbCall(checker, n.arguments[ps.length - 1])) {
						// fn(opts, db()) -> fn(opts): db() is the default
						const args = n.arguments;
						const start = args.length === 1 ? args[0].getStart(sf) : args[args.length - 2].end;
						fileEdits.push({ start, end: args[args.length - 1].end, text: '' });
						callCount++;
					}
				}
			}
			ts.forEachChild(n, visit);
		};
		visit(sf);
		if (fileEdits.length) add(file, fileEdits);
	}
	return { edits, count: callCount, kind: 'call sites' };
}

/** Applies non-overlapping edits (outermost wins; the rest waits for the next pass). */
function apply(edits) {
	let applied = 0;
	for (const [file, list] of edits) {
		list.sort((a, b) => a.start - b.start || a.end - b.end);
		const kept = [];
		let lastEnd = -1;
		for (const e of list) {
			if (e.start < lastEnd) continue;
			kept.push(e);
			lastEnd = Math.max(lastEnd, e.end);
		}
		let text = fs.readFileSync(file, 'utf8');
		for (const e of [...kept].reverse()) text = text.slice(0, e.start) + e.text + text.slice(e.end);
		if (!dry) fs.writeFileSync(file, text);
		applied += kept.length;
		touched.add(file);
	}
	return applied;
}

/** Removes `db` from imports of src/lib/server/db where it is no longer used (touched files only). */
function dropUnusedDbImports() {
	let n = 0;
	for (const file of touched) {
		const text = fs.readFileSync(file, 'utf8');
		const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
		let used = false;
		const visit = (node) => {
			if (ts.isImportDeclaration(node)) return;
			if (ts.isIdentifier(node) && node.text === 'db') {
				const p = node.parent;
				const isName =
					(ts.isPropertyAccessExpression(p) && p.name === node) ||
					(ts.isPropertyAssignment(p) && p.name === node) ||
					(ts.isPropertySignature(p) && p.name === node) ||
					(ts.isParameter(p) && p.name === node) ||
					(ts.isVariableDeclaration(p) && p.name === node);
				if (!isName) used = true;
			}
			ts.forEachChild(node, visit);
		};
		visit(sf);
		if (used) continue;
		for (const st of sf.statements) {
			if (!ts.isImportDeclaration(st) || !ts.isStringLiteral(st.moduleSpecifier) || st.importClause?.isTypeOnly) continue;
			if (!/(^\$lib\/server\/db$)|(\/db(\/index)?(\.js|\.ts)?$)|(^\.\.?\/db$)|(^\.\/index$)/.test(st.moduleSpecifier.text)) continue;
			const nb = st.importClause?.namedBindings;
			if (!nb || !ts.isNamedImports(nb)) continue;
			const spec = nb.elements.find((e) => e.name.text === 'db' && !e.isTypeOnly);
			if (!spec) continue;
			let out;
			const others = nb.elements.filter((e) => e !== spec);
			if (!others.length && !st.importClause.name) {
				let end = st.end;
				if (text[end] === '\n') end++;
				out = text.slice(0, st.getStart(sf)) + text.slice(end);
			} else if (others.every((e) => e.isTypeOnly) && !st.importClause.name) {
				const names = others.map((e) => e.getText(sf).replace(/^type\s+/, '')).join(', ');
				out = text.slice(0, st.getStart(sf)) + `import type { ${names} } from ${st.moduleSpecifier.getText(sf)};` + text.slice(st.end);
			} else {
				const names = others.map((e) => e.getText(sf)).join(', ');
				out = text.slice(0, nb.getStart(sf)) + `{ ${names} }` + text.slice(nb.end);
			}
			if (!dry) fs.writeFileSync(file, out);
			n++;
			break;
		}
	}
	return n;
}

const touched = new Set();
let total = 0;
for (let pass = 1; pass <= 20; pass++) {
	const { edits, count, kind } = planPass();
	if (!count) break;
	const applied = apply(edits);
	console.log(`pass ${pass}: ${count} ${kind} (${applied} text edits)`);
	total += applied;
	if (dry) break;
}
const dropped = dry ? 0 : dropUnusedDbImports();
total += dropped;
console.log(`executor-last: ${total} edits${dropped ? ` (${dropped} unused db imports removed)` : ''}`);
