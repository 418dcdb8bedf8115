import * as l10n from '@vscode/l10n';
import { joinText, NotInForm, reencodeSteps, type Piece } from './encodingPieces';
import { toEnd, type Steps } from './steps';
import type { Eol } from '../../core/eol';
import type { PromptPlace } from './promptPlace';
import type { Encoded, EncodingKind, PromptEncoding } from '../../core/encodingTypes';

// What every quoted form shares: where the selection stands in its literal, and decoding and encoding by pieces.

/** Where the selection starts and ends in the whole file. */
export function span(place: PromptPlace): { start: number; end: number; text: string } {
	return { start: place.before.length, end: place.before.length + place.selected.length, text: place.before + place.selected + place.after };
}

/** Splits pieces at raw offsets; throws when an offset falls inside a piece (an escape, a `${…}`). */
function piecesBetween(pieces: readonly Piece[], from: number, to: number, what: string): Piece[] {
	const out: Piece[] = [];
	let offset = 0;
	let startSeen = from === 0;
	for (const piece of pieces) {
		if (offset === from) startSeen = true;
		if (offset >= from && offset + piece.raw.length <= to) out.push(piece);
		else if (offset < to && offset + piece.raw.length > from) throw new NotInForm(l10n.t('the selection splits {0}', what));
		offset += piece.raw.length;
	}
	if (!startSeen && from !== offset) throw new NotInForm(l10n.t('the selection splits {0}', what));
	return out;
}

interface LiteralForm {
	kind: EncodingKind;
	description: string;
	localizedDescription(): string;
	open: string;
	close: string;
	pieces(inside: string): Piece[];
	/** What `joinText(pieces(inside))` gives, faster; it throws as `pieces` does. */
	decodeInside?(inside: string): string;
	encodeChunk(chunk: string, atStart: boolean, eol: Eol): string;
	lineBreak(eol: Eol): Eol;
	expressions?: string[];
}

/** An encoding of (part of) a quoted string: the quotes, when selected, stay; the inside is decoded by pieces. */
export function literalEncoding(form: LiteralForm): PromptEncoding {
	const inside = (raw: string): string => {
		if (!raw.startsWith(form.open) || !raw.endsWith(form.close) || raw.length < form.open.length + form.close.length) throw new NotInForm(l10n.t('the quotes are gone'));
		return raw.slice(form.open.length, raw.length - form.close.length);
	};
	const decodeInside = (raw: string): string => (form.decodeInside ? form.decodeInside(raw) : joinText(form.pieces(raw)));
	function* encodeSteps(text: string, eol: Eol, originalRaw: string): Steps<Encoded> {
		const pieces = form.pieces(inside(originalRaw));
		yield;
		const encoded = yield* reencodeSteps(pieces, text, (chunk, atStart) => form.encodeChunk(chunk, atStart, eol), decodeInside);
		return { raw: form.open + encoded.raw + form.close, exact: encoded.exact };
	}
	return {
		kind: form.kind,
		description: form.description,
		localizedDescription: form.localizedDescription,
		expressions: form.expressions,
		decode: (raw) => decodeInside(inside(raw)),
		encode: (text, eol, originalRaw) => toEnd(encodeSteps(text, eol, originalRaw)).raw,
		encodeSteps,
		lineBreak: form.lineBreak,
	};
}

/** The selection is a whole literal (quotes included) or lies inside one without splitting an escape. */
export function literalPart(place: PromptPlace, literalStart: number, literalEnd: number, quote: string, pieces: (inside: string) => Piece[], closeQuote = quote): { withQuotes: boolean } {
	const { start, end, text } = span(place);
	if (start === literalStart && end === literalEnd) return { withQuotes: true };
	const insideStart = literalStart + quote.length;
	const insideEnd = literalEnd - closeQuote.length;
	if (start < insideStart || end > insideEnd) throw new NotInForm(l10n.t('the selection is not inside one string'));
	piecesBetween(pieces(text.slice(insideStart, insideEnd)), start - insideStart, end - insideStart, l10n.t('an escape sequence'));
	return { withQuotes: false };
}
