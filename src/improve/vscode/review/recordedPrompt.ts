import * as vscode from 'vscode';
import { errorMessage } from '../../../core/errorMessage';
import { alreadyApplied, relocate, type HistoryEntry } from '../../../core/history';
import { detectEncoding, isRefusal } from '../../core/promptEncoding';
import { textForFileInSlices } from '../../core/textForFile';
import { eolOf } from '../../../vscode/documentEol';
import type { Log } from '../../../vscode/log';
import { SourceTracker } from './sourceTracker';
import type { PlacedPrompt } from '../../../vscode/review/promptTracker';
import type { PromptEncoding } from '../../../core/encodingTypes';

/**
 * On the lazy side (dist/improve.js), with the encodings it needs; the main bundle reaches it through `ImproveSide`.
 *
 * Finds a recorded prompt in its source file as it is now (at its recorded place, else where it occurs exactly once),
 * written in the same form as when it was sent, and follows it from here on. When it cannot be found for sure, the
 * tracker refuses every Apply: nothing is ever written over text that changed.
 */
export async function placeRecordedPrompt(entry: HistoryEntry, log: Log): Promise<PlacedPrompt> {
	const uri = vscode.Uri.parse(entry.source.uri);
	const notFound = (why: string): PlacedPrompt => {
		log.info(`History entry ${entry.id}: the recorded prompt is not in ${entry.source.uri} for sure (${why}); it can be compared and copied, not applied.`);
		return { tracker: new SourceTracker(uri, entry.originalRaw, 'editedInside'), encoding: asRecorded(entry.encoding), found: false };
	};
	let document: vscode.TextDocument | undefined;
	try {
		// An untitled document that is gone would come back empty: look only among the open ones.
		document = uri.scheme === 'untitled' ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === entry.source.uri) : await vscode.workspace.openTextDocument(uri);
	} catch (err) {
		return notFound(`cannot open it: ${errorMessage(err)}`);
	}
	if (!document) return notFound('the document is closed');
	const version = document.version;
	const text = document.getText();
	const range = relocate(text, entry.originalRaw, entry.source);
	if (!range) return notFound('not there, or more than once');
	const encoding = detectEncoding({ languageId: document.languageId, selected: entry.originalRaw, before: text.slice(0, range.start), after: text.slice(range.end), fileName: document.uri.path });
	if (isRefusal(encoding)) return notFound(encoding.reason);
	if (encoding.decode(entry.originalRaw) !== entry.original) return notFound(`it is now ${encoding.description}`);
	const written: string[] = [];
	for (const t of [entry.applied, entry.current, entry.proposed]) {
		const forFile = t === undefined ? undefined : await textForFileInSlices(t, entry.original, encoding, eolOf(document), entry.originalRaw);
		if (forFile?.ok) written.push(forFile.text);
	}
	// The document may have changed during those turns of the event loop: Apply locates the prompt again anyway, but
	// whether it is already written there is judged on one version of the text.
	const now = document.version === version ? text : document.getText();
	const stillThere = now === text ? range : relocate(now, entry.originalRaw, entry.source);
	if (!stillThere) return notFound('not there, or more than once');
	if (alreadyApplied(now, stillThere, written)) return notFound('it is part of the proposal already written there');
	return { tracker: new SourceTracker(uri, entry.originalRaw, stillThere), encoding, found: true };
}

/** Stands for the recorded form in messages; never used to write, as its tracker refuses every Apply. */
function asRecorded(description: string): PromptEncoding {
	return { kind: 'plain', description, localizedDescription: () => description, decode: (raw) => raw, encode: (text) => text, lineBreak: (eol) => eol };
}
