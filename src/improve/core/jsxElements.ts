import * as l10n from '@vscode/l10n';
import { NotInForm } from './encodingPieces';

/** A stretch of JSX: the text between tags, or an attribute's quoted value. Neither is a string literal. */
export interface JsxSpan {
	start: number;
	end: number;
}

const NAME = /^[\w$.:-]+/;

function skipSpace(src: string, j: number): number {
	while (j < src.length && /\s/.test(src[j])) j++;
	return j;
}

/**
 * Scans a JSX element (or fragment) starting at its `<`, recording its text and quoted attribute values in `spans`;
 * `expression(j)` scans the code of a `{…}` whose inside starts at `j` and returns the index after its `}`.
 * Returns the index after the element, or undefined when the `<` starts no element (a TSX generic `<T,>`).
 */
export function scanJsxElement(src: string, i: number, spans: JsxSpan[], expression: (j: number) => number): number | undefined {
	const unfinished = (): NotInForm => new NotInForm(l10n.t('a JSX element does not end'));
	let j = i + 1;
	const name = NAME.exec(src.slice(j, j + 200))?.[0] ?? '';
	if (!name && src[j] !== '>') return undefined;
	j += name.length;
	if (name && /^\s*(,|extends\b)/.test(src.slice(j, j + 20))) return undefined;
	for (;;) {
		j = skipSpace(src, j);
		if (j >= src.length) throw unfinished();
		if (src.startsWith('/>', j)) return j + 2;
		if (src[j] === '>') break;
		if (src[j] === '{') {
			j = expression(j + 1);
			continue;
		}
		const attribute = NAME.exec(src.slice(j, j + 200))?.[0];
		if (!attribute) throw new NotInForm(l10n.t('a JSX tag is not understood'));
		j = skipSpace(src, j + attribute.length);
		if (src[j] !== '=') continue;
		j = skipSpace(src, j + 1);
		const c = src[j];
		if (c === '"' || c === "'") {
			// An attribute's value has no escapes: a backslash is itself, entities like &quot; stand for characters.
			const close = src.indexOf(c, j + 1);
			if (close < 0) throw unfinished();
			spans.push({ start: j, end: close + 1 });
			j = close + 1;
		} else if (c === '{') j = expression(j + 1);
		else if (c === '<') j = scanJsxElement(src, j, spans, expression) ?? j + 1;
		else throw new NotInForm(l10n.t('a JSX tag is not understood'));
	}
	let textStart = ++j;
	for (;;) {
		if (j >= src.length) throw unfinished();
		const c = src[j];
		if (c !== '{' && c !== '<') {
			j++;
			continue;
		}
		if (j > textStart) spans.push({ start: textStart, end: j });
		if (c === '{') j = expression(j + 1);
		else if (src[j + 1] === '/') {
			const close = src.indexOf('>', j);
			if (close < 0) throw unfinished();
			return close + 1;
		} else {
			const end = scanJsxElement(src, j, spans, expression);
			if (end === undefined) throw new NotInForm(l10n.t('a JSX tag is not understood'));
			j = end;
		}
		textStart = j;
	}
}
