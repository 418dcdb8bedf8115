import assert from 'node:assert/strict';
import { checkApplied } from '../../src/improve/core/applyCheck';
import type { PromptEncoding } from '../../src/core/encodingTypes';
import { detectEncoding, isRefusal } from '../../src/improve/core/promptEncoding';
import type { PromptPlace } from '../../src/improve/core/promptPlace';
import { textForFile } from '../../src/improve/core/textForFile';

/**
 * Apply in plain Node, for the unit tests and the fault cases: a file written with «» around the selection, the
 * encoding the extension detects there, and the file Apply would write.
 */

/** Splits `marked` at its «» markers into the place of a selection: the text before «, the selected text, the text after ». */
export function markedPlace(languageId: string, marked: string, fileName?: string): PromptPlace {
	const start = marked.indexOf('«');
	const end = marked.indexOf('»');
	return { languageId, before: marked.slice(0, start), selected: marked.slice(start + 1, end), after: marked.slice(end + 1), ...(fileName === undefined ? {} : { fileName }) };
}

/** The encoding detected at `place`; a refusal fails with its reason. */
export function detectedEncoding(place: PromptPlace): PromptEncoding {
	const encoding = detectEncoding(place);
	assert.ok(!isRefusal(encoding), `${place.before}«${place.selected}»${place.after}: refused: ${isRefusal(encoding) ? encoding.reason : ''}`);
	return encoding;
}

export type Applied =
	| { ok: true; decoded: string; expected: string; file: string; written: string }
	/** `refused`: the encoding could not be told (else writing or the last check said no); `reason` as the extension gives it. */
	| { ok: false; refused: boolean; reason: string };

/**
 * What Apply makes of `place` when the review's right side is `edit(decoded)`: the text written in place of the
 * selection (and of a YAML block header that needs an indicator), then the last check before Apply.
 */
export function applyAt(place: PromptPlace, edit: (decoded: string) => string, eol: '\n' | '\r\n' = '\n'): Applied {
	const encoding = detectEncoding(place);
	if (isRefusal(encoding)) return { ok: false, refused: true, reason: encoding.reason };
	const decoded = encoding.decode(place.selected);
	const forFile = textForFile(edit(decoded), decoded, encoding, eol, place.selected);
	if (!forFile.ok) return { ok: false, refused: false, reason: forFile.reason };
	const before = forFile.before ? place.before.slice(0, -forFile.before.original.length) + forFile.before.replacement : place.before;
	const file = before + forFile.text + place.after;
	const check = checkApplied(file, place.languageId, { start: before.length, end: before.length + forFile.text.length }, forFile.expected);
	if (!check.ok) return { ok: false, refused: false, reason: check.reason };
	return { ok: true, decoded, expected: forFile.expected, file, written: forFile.text };
}

/** `applyAt`, which must apply. */
export function appliedAt(place: PromptPlace, edit: (decoded: string) => string, eol: '\n' | '\r\n' = '\n'): Extract<Applied, { ok: true }> {
	const result = applyAt(place, edit, eol);
	assert.ok(result.ok, result.ok ? '' : `${result.refused ? 'refused: ' : ''}${result.reason}`);
	return result;
}

/** `appliedAt` on a file marked with «». */
export function appliedMarked(languageId: string, marked: string, edit: (decoded: string) => string, eol: '\n' | '\r\n' = '\n'): Extract<Applied, { ok: true }> {
	return appliedAt(markedPlace(languageId, marked), edit, eol);
}
