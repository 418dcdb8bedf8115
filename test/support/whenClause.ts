/**
 * A when clause of the manifest evaluated as VS Code does, for the subset the manifest uses: `!`, `&&` (binding
 * tighter than `||`), parentheses, `==`, `!=`, `=~ /regex/flags`, `in`, `not in` and bare keys (true when truthy).
 * Context keys not in `context` are undefined. Values may be quoted (`'markdown'`), as VS Code writes a clause it has
 * read back into the extension's `packageJSON`. Throws on anything else, so a clause it cannot read fails the test.
 */
export function evaluateWhen(clause: string, context: Readonly<Record<string, unknown>>): boolean {
	const tokens = clause.match(/\/(?:\\.|[^/\\])*\/[a-z]*|'[^']*'|&&|\|\||==|!=|=~|[()!]|[^\s()!&|=]+/g) ?? [];
	let at = 0;
	const peek = (): string | undefined => tokens[at];
	const next = (): string => {
		const token = tokens[at++];
		if (token === undefined) throw new Error(`the when clause ends too early: ${clause}`);
		return token;
	};
	const value = (): string => next().replace(/^'(.*)'$/, '$1');
	const or = (): boolean => {
		let value = and();
		while (peek() === '||') {
			next();
			value = and() || value;
		}
		return value;
	};
	const and = (): boolean => {
		let value = unary();
		while (peek() === '&&') {
			next();
			value = unary() && value;
		}
		return value;
	};
	const unary = (): boolean => {
		if (peek() === '!') {
			next();
			return !unary();
		}
		if (peek() === '(') {
			next();
			const value = or();
			if (next() !== ')') throw new Error(`no closing parenthesis in ${clause}`);
			return value;
		}
		const key = next();
		const actual = context[key];
		const op = peek();
		if (op === '==' || op === '!=') {
			next();
			const equal = String(actual) === value();
			return op === '==' ? equal : !equal;
		}
		if (op === '=~') {
			next();
			const [, source, flags] = /^\/(.*)\/([a-z]*)$/.exec(next()) ?? [];
			if (source === undefined) throw new Error(`=~ without a /regex/ in ${clause}`);
			return typeof actual === 'string' && new RegExp(source, flags).test(actual);
		}
		if (op === 'in' || (op === 'not' && tokens[at + 1] === 'in')) {
			at += op === 'in' ? 1 : 2;
			const list = context[value()];
			const found = Array.isArray(list) && list.includes(actual);
			return op === 'in' ? found : !found;
		}
		return !!actual;
	};
	const result = or();
	if (at !== tokens.length) throw new Error(`cannot read the when clause from "${tokens.slice(at).join(' ')}": ${clause}`);
	return result;
}
