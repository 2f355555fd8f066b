import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';

/**
 * Places in a JSON text: where a syntax error is, and where the value at a JSON path sits (line and
 * column from 1), so that an uploaded file's errors can be shown where the operator will find them.
 */

export interface Located {
	path: string;
	line: number;
	column: number;
	message: string;
}

const SYNTAX: Record<string, string> = {
	InvalidSymbol: 'Unexpected character',
	InvalidNumberFormat: 'Not a valid number',
	PropertyNameExpected: 'A field name in double quotes is expected here',
	ValueExpected: 'A value is expected here',
	ColonExpected: 'A colon (:) is expected here',
	CommaExpected: 'A comma (,) is expected here',
	CloseBraceExpected: 'A closing brace (}) is expected here',
	CloseBracketExpected: 'A closing bracket (]) is expected here',
	EndOfFileExpected: 'Nothing may follow the end of the JSON value',
	InvalidCommentToken: 'Comments are not allowed in JSON',
	UnexpectedEndOfComment: 'Comments are not allowed in JSON',
	UnexpectedEndOfString: 'The text ends inside a string (a closing " is missing)',
	UnexpectedEndOfNumber: 'The text ends inside a number',
	InvalidUnicode: 'Not a valid \\u escape',
	InvalidEscapeCharacter: 'Not a valid escape (\\) in a string',
	InvalidCharacter: 'A control character (e.g. a line break) must be escaped inside a string'
};

/** `areas[0].statements[1]`, or `(top level)` for the empty path. */
export function formatPath(path: (string | number)[]): string {
	const s = path.map((p, i) => (typeof p === 'number' ? `[${p}]` : /^[A-Za-z_$][\w$-]*$/.test(p) ? (i ? `.${p}` : p) : `[${JSON.stringify(p)}]`)).join('');
	return s || '(top level)';
}

export class JsonText {
	private readonly lineStarts: number[] = [0];
	readonly root: Node | undefined;
	readonly syntaxErrors: Located[];

	constructor(readonly text: string) {
		for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
		const errors: ParseError[] = [];
		this.root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
		// One error per place (the parser may report the same place again as it recovers).
		const seen = new Set<string>();
		this.syntaxErrors = errors
			.map((e) => ({ path: '', ...this.position(e.offset), message: SYNTAX[printParseErrorCode(e.error)] ?? 'Not valid JSON' }))
			.filter((e) => !seen.has(`${e.line}:${e.column}`) && !!seen.add(`${e.line}:${e.column}`));
		if (!this.root && errors.length === 0) this.syntaxErrors.push({ path: '', line: 1, column: 1, message: 'The file is empty' });
	}

	/** Line and column (from 1) of a character offset. */
	position(offset: number): { line: number; column: number } {
		let lo = 0;
		let hi = this.lineStarts.length - 1;
		while (lo < hi) {
			const mid = (lo + hi + 1) >> 1;
			if (this.lineStarts[mid] <= offset) lo = mid;
			else hi = mid - 1;
		}
		return { line: lo + 1, column: offset - this.lineStarts[lo] + 1 };
	}

	/** Where the value at `path` is (its field name, for an object's field), or its nearest ancestor that exists. */
	locate(path: (string | number)[], message: string): Located {
		let node: Node | undefined;
		for (let n = path.length; this.root && !node && n >= 0; n--) node = n === 0 ? this.root : findNodeAtLocation(this.root, path.slice(0, n));
		const at = node?.parent?.type === 'property' ? node.parent.offset : (node?.offset ?? 0);
		return { path: formatPath(path), ...this.position(at), message };
	}

	/** Fields named twice in one object (JSON.parse would silently keep the last). */
	duplicateFields(): Located[] {
		const found: Located[] = [];
		const walk = (node: Node, path: (string | number)[]) => {
			if (node.type === 'object') {
				const seen = new Set<string>();
				for (const prop of node.children ?? []) {
					const [key, value] = prop.children ?? [];
					if (!key || typeof key.value !== 'string') continue;
					if (seen.has(key.value)) found.push({ path: formatPath([...path, key.value]), ...this.position(prop.offset), message: `The field "${key.value}" appears twice` });
					seen.add(key.value);
					if (value) walk(value, [...path, key.value]);
				}
			} else if (node.type === 'array') (node.children ?? []).forEach((c, i) => walk(c, [...path, i]));
		};
		if (this.root) walk(this.root, []);
		return found;
	}
}
