import * as l10n from '@vscode/l10n';
import { joinText, NotInForm, type Piece } from './encodingPieces';
import { literalEncoding, literalPart, span } from './literalForm';
import type { PromptPlace } from './promptPlace';
import { encodePy, pyExpressions, pyPieces, scanPyLiterals, type PyLiteral } from './pythonLiterals';
import type { PromptEncoding } from '../../core/encodingTypes';

/** The innermost string literal of a Python file that holds [start, end), refused when its text is not one string. */
export function pyLiteralAround(text: string, start: number, end: number): PyLiteral {
	const literal = scanPyLiterals(text)
		.filter((l) => l.start <= start && end <= l.end)
		.sort((a, b) => a.end - a.start - (b.end - b.start))[0];
	if (!literal) throw new NotInForm(l10n.t('the selection is not inside one Python string'));
	if (literal.template) throw new NotInForm(l10n.t('the Python literal is a template string (t"…"), not text'));
	if (literal.nested) throw new NotInForm(l10n.t('the Python string is inside an f-string\'s {…} expression'));
	if (literal.bytes) throw new NotInForm(l10n.t('the Python literal is bytes (b"…"), not text'));
	if (literal.joined) {
		throw new NotInForm(l10n.t('the Python string is one of several written next to each other ("a" "b"), which Python joins into one; make them one string first'));
	}
	return literal;
}

/**
 * A prompt in a Python string: single-, double- or triple-quoted, raw, or an f-string whose `{…}` expressions are
 * kept as code (like a template literal's `${…}`). The selection is the whole literal, prefix and quotes included,
 * or part of its inside.
 */
export function pyEncoding(place: PromptPlace): PromptEncoding {
	const { start, end, text } = span(place);
	const literal = pyLiteralAround(text, start, end);
	// The quotes may be selected without the prefix (`f` of `f"…"`), which then stays as it is.
	const prefixOutside = start === literal.start + literal.prefix.length && end === literal.end;
	const open = prefixOutside ? literal.quote : literal.prefix + literal.quote;
	const pieces = (inside: string): Piece[] => pyPieces(inside, literal);
	const { withQuotes } = literalPart(place, literal.start + (prefixOutside ? literal.prefix.length : 0), literal.end, open, pieces, literal.quote);
	const all = pieces(text.slice(literal.start + literal.prefix.length + literal.quote.length, literal.end - literal.quote.length));
	const expressions = literal.f ? [...new Set(pyExpressions(all))] : [];
	if (literal.f) {
		// `{name}` in the review is code; the same characters written as text (`{{name}}`) would read the same: refuse.
		const decoded = joinText(all);
		const again = pieces(encodePy(decoded, literal, '\n', expressions));
		if (joinText(again) !== decoded || pyExpressions(again).join('\0') !== pyExpressions(all).join('\0')) {
			throw new NotInForm(l10n.t('the f-string has {…} both as code and as text, which the review cannot tell apart'));
		}
	}
	const shown = `${literal.prefix}${literal.quote}…${literal.quote}`;
	return literalEncoding({
		kind: 'pyString',
		description: withQuotes ? `a Python string literal (${shown})` : `the inside of a Python string (${shown})`,
		localizedDescription: () => (withQuotes ? l10n.t('a Python string literal ({0})', shown) : l10n.t('the inside of a Python string ({0})', shown)),
		open: withQuotes ? open : '',
		close: withQuotes ? literal.quote : '',
		pieces,
		encodeChunk: (chunk, _atStart, eol) => encodePy(chunk, literal, eol, expressions),
		lineBreak: () => '\n',
		expressions,
	});
}
