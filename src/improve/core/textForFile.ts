import * as l10n from '@vscode/l10n';
import { fitDecodedLineBreakSteps } from './decodedLineBreaks';
import { NotInForm } from './encodingPieces';
import { fitToOriginal, type Eol } from '../../core/eol';
import { inSlices, toEnd, type SliceTiming, type Steps } from './steps';
import type { Encoded, ForFile, PromptEncoding } from '../../core/encodingTypes';

/** Synchronous: a 1 MB proposal takes tens of ms; Apply runs `textForFileInSlices`. */
export function textForFile(reviewed: string, decodedOriginal: string, encoding: PromptEncoding, documentEol: Eol, originalRaw: string): ForFile {
	return toEnd(textForFileSteps(reviewed, decodedOriginal, encoding, documentEol, originalRaw));
}

/** `textForFile` in slices with turns of the event loop between them (see `inSlices`). */
export function textForFileInSlices(reviewed: string, decodedOriginal: string, encoding: PromptEncoding, documentEol: Eol, originalRaw: string, timing?: SliceTiming): Promise<ForFile> {
	return inSlices(textForFileSteps(reviewed, decodedOriginal, encoding, documentEol, originalRaw), timing);
}

/** The work of `textForFile`: fit the line breaks, encode (matching lines with the original), check it reads back. */
function* textForFileSteps(reviewed: string, decodedOriginal: string, encoding: PromptEncoding, documentEol: Eol, originalRaw: string): Steps<ForFile> {
	const lineBreak = encoding.lineBreak(documentEol);
	let expected = encoding.kind === 'plain' ? fitToOriginal(reviewed, decodedOriginal, lineBreak) : yield* fitDecodedLineBreakSteps(reviewed, decodedOriginal, lineBreak);
	yield;
	if (encoding.fit) {
		expected = encoding.fit(expected);
		yield;
	}
	try {
		const encoded: Encoded = encoding.encodeSteps ? yield* encoding.encodeSteps(expected, documentEol, originalRaw) : { raw: encoding.encode(expected, documentEol, originalRaw), exact: false };
		const text = encoded.raw;
		yield;
		// Exactly one check that the text reads back: the encoder's own, when it made one.
		if (!encoded.exact && encoding.decode(text) !== expected) return { ok: false, reason: l10n.t('the improved prompt cannot be written exactly as {0}', encoding.localizedDescription()) };
		yield;
		const before = encoding.header?.needed(text) ? { original: encoding.header.original, replacement: encoding.header.withIndicator } : undefined;
		return { ok: true, text, expected, before };
	} catch (err) {
		if (err instanceof NotInForm) return { ok: false, reason: l10n.t('{0}, so it cannot be written as {1}', err.message, encoding.localizedDescription()) };
		throw err;
	}
}
