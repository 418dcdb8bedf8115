import * as vscode from 'vscode';
import type { Eol } from '../../../core/eol';
import { eolOf } from '../../../vscode/documentEol';
import { errorMessage } from '../../../core/errorMessage';
import { nextTurn } from '../../core/steps';
import type { Log } from '../../../vscode/log';
import type { Ui } from '../../../vscode/ui';
import type { ForFile } from '../../../core/encodingTypes';
import { checkApplied, checkAppliedInSlices } from '../../core/applyCheck';
import { textForFile, textForFileInSlices } from '../../core/textForFile';
import type { AppliedEdit, ApplyTarget } from '../../../vscode/review/reviewServices';

/**
 * Writes `improved` (the right side as the user left it) in place of the reviewed prompt, in the file's form, as
 * one undo step. Refuses, keeping the user's text and offering a copy, when the prompt cannot be found for sure.
 * Resolves the source document and the range written, or undefined when nothing was written.
 */
export async function applyToSource(review: ApplyTarget, improved: string, ui: Ui, log: Log): Promise<AppliedEdit | undefined> {
	let source: vscode.TextDocument;
	try {
		source = await vscode.workspace.openTextDocument(review.sourceUri);
	} catch (err) {
		log.warn(`Review ${review.id}: cannot open ${review.sourceUri.toString()}: ${errorMessage(err)}`);
		await offerCopy(ui, improved, vscode.l10n.t('Cekura: {0} cannot be opened any more ({1}), so the improvement was not applied.', review.sourceName, errorMessage(err)));
		return undefined;
	}
	let forFile: ForFile | undefined;
	let encodedFor: Eol | undefined;
	// The work runs in slices, and the user may edit the file between them: what was found and checked holds only for
	// the version it was found in. A retry runs in one go, so nothing can change under it.
	for (let attempt = 0; ; attempt++) {
		const sliced = attempt === 0;
		const version = source.version;
		const whole = source.getText();
		const found = review.tracker.locate(whole);
		if (!found.found) {
			log.warn(`Review ${review.id}: the prompt in ${review.sourceUri.toString()} ${found.reason === 'ambiguous' ? 'occurs more than once and its place was lost' : 'was edited meanwhile'}; not applied.`);
			const message =
				found.reason === 'ambiguous'
					? vscode.l10n.t('Cekura: the prompt occurs more than once in {0} and Cekura lost track of which copy was sent (the file was closed meanwhile), so the improvement was not applied and your text is kept.', review.sourceName)
					: vscode.l10n.t('Cekura: the prompt in {0} was edited after it was sent to Cekura, so the improvement was not applied and your text is kept.', review.sourceName);
			await offerCopy(ui, improved, message, source.uri);
			return undefined;
		}
		const eol = eolOf(source);
		if (!forFile || encodedFor !== eol) {
			forFile = sliced ? await textForFileInSlices(improved, review.originalText, review.encoding, eol, review.tracker.raw) : textForFile(improved, review.originalText, review.encoding, eol, review.tracker.raw);
			encodedFor = eol;
		}
		if (sliced) await (applyPauses.beforeCheck?.() ?? nextTurn());
		const checked = await check(review, forFile, source, whole, found.range, sliced);
		if (source.version !== version) {
			log.info(`Review ${review.id}: ${review.sourceUri.toString()} changed while Apply prepared the edit; looking for the prompt again.`);
			continue;
		}
		if (!checked.ok) {
			log.warn(`Review ${review.id}: not applied to ${review.sourceUri.toString()} (${review.encoding.description}): ${checked.reason}.`);
			await offerCopy(ui, improved, checked.message, source.uri);
			return undefined;
		}
		const { start, replacement } = checked;
		const range = new vscode.Range(source.positionAt(start), source.positionAt(found.range.end));
		const edit = new vscode.WorkspaceEdit();
		edit.replace(source.uri, range, replacement);
		if (!(await vscode.workspace.applyEdit(edit))) {
			log.error(`Review ${review.id}: VS Code refused the edit to ${review.sourceUri.toString()}.`);
			await offerCopy(ui, improved, vscode.l10n.t('Cekura: VS Code could not change {0} (is it read-only?). Nothing was applied.', review.sourceName));
			return undefined;
		}
		log.info(`Review ${review.id}: applied to ${review.sourceUri.toString()}${found.moved ? ' (the prompt had moved; applied where it stands now)' : ''}.`);
		return { source, range: new vscode.Range(source.positionAt(start), source.positionAt(start + replacement.length)) };
	}
}

/**
 * The edit for the prompt at `range` of `whole` (the source's text, which the document may no longer hold when this
 * resolves: the caller compares versions), and the last line of defence: the file as it would be must parse and hold
 * exactly the reviewed text.
 */
async function check(review: ApplyTarget, forFile: ForFile, source: vscode.TextDocument, whole: string, range: { start: number; end: number }, sliced: boolean): Promise<{ ok: true; start: number; replacement: string } | { ok: false; reason: string; message: string }> {
	const refused = (reason: string): { ok: false; reason: string; message: string } => ({ ok: false, reason, message: vscode.l10n.t('Cekura: the improvement was not applied: {0}. Your file is unchanged; copy the improved prompt instead.', reason) });
	if (!forFile.ok) return refused(forFile.reason);
	// A YAML block header may gain an indentation indicator (`|2`): the edit then starts at the header.
	const before = forFile.before;
	const start = range.start - (before?.original.length ?? 0);
	if (before && whole.slice(start, range.start) !== before.original) {
		return { ok: false, reason: 'the YAML block header changed', message: vscode.l10n.t('Cekura: the YAML block holding the prompt in {0} was edited, so the improvement was not applied and your text is kept.', review.sourceName) };
	}
	const replacement = (before?.replacement ?? '') + forFile.text;
	const where = { start: start + replacement.length - forFile.text.length, end: start + replacement.length };
	const fileAfter = whole.slice(0, start) + replacement + whole.slice(range.end);
	const result = sliced ? await checkAppliedInSlices(fileAfter, source.languageId, where, forFile.expected) : checkApplied(fileAfter, source.languageId, where, forFile.expected);
	return result.ok ? { ok: true, start, replacement } : refused(result.reason);
}

/** For the integration tests: what Apply awaits between preparing the edit and checking it (a turn by default). */
export const applyPauses: { beforeCheck?: () => Promise<void> } = {};

async function offerCopy(ui: Ui, improved: string, message: string, source?: vscode.Uri): Promise<void> {
	const copy = vscode.l10n.t('Copy Improved Prompt');
	const show = vscode.l10n.t('Show Source');
	const choice = await ui.message('warning', message, ...(source ? [copy, show] : [copy]));
	if (choice === copy) {
		await vscode.env.clipboard.writeText(improved);
		vscode.window.setStatusBarMessage(vscode.l10n.t('$(clippy) Cekura: improved prompt copied to the clipboard.'), 5000);
	} else if (choice === show && source) {
		await vscode.window.showTextDocument(source, { preview: false });
	}
}
