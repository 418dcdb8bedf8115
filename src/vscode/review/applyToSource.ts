import * as vscode from 'vscode';
import { eolOf } from '../documentEol';
import { errorMessage } from '../../core/errorMessage';
import { loadImprove } from '../lazyImprove';
import type { Log } from '../log';
import type { Ui } from '../userInterface';
import type { Review } from './review';

/** What Apply needs of a review (an open one, or one recorded in the history being applied again). */
export type ApplyTarget = Pick<Review, 'id' | 'sourceUri' | 'sourceName' | 'originalText' | 'encoding' | 'tracker'>;

/**
 * Writes `improved` (the right side as the user left it) in place of the reviewed prompt, in the file's form, as
 * one undo step. Refuses, keeping the user's text and offering a copy, when the prompt cannot be found for sure.
 * Resolves the source document and the range written, or undefined when nothing was written.
 */
export async function applyToSource(review: ApplyTarget, improved: string, ui: Ui, log: Log): Promise<{ source: vscode.TextDocument; range: vscode.Range } | undefined> {
	let source: vscode.TextDocument;
	try {
		source = await vscode.workspace.openTextDocument(review.sourceUri);
	} catch (err) {
		log.warn(`Review ${review.id}: cannot open ${review.sourceUri.toString()}: ${errorMessage(err)}`);
		await offerCopy(ui, improved, vscode.l10n.t('Cekura: {0} cannot be opened any more ({1}), so the improvement was not applied.', review.sourceName, errorMessage(err)));
		return undefined;
	}
	const found = review.tracker.locate(source.getText());
	if (!found.found) {
		log.warn(`Review ${review.id}: the prompt in ${review.sourceUri.toString()} ${found.reason === 'ambiguous' ? 'occurs more than once and its place was lost' : 'was edited meanwhile'}; not applied.`);
		const message =
			found.reason === 'ambiguous'
				? vscode.l10n.t('Cekura: the prompt occurs more than once in {0} and Cekura lost track of which copy was sent (the file was closed meanwhile), so the improvement was not applied and your text is kept.', review.sourceName)
				: vscode.l10n.t('Cekura: the prompt in {0} was edited after it was sent to Cekura, so the improvement was not applied and your text is kept.', review.sourceName);
		await offerCopy(ui, improved, message, source.uri);
		return undefined;
	}
	const { textForFile, checkApplied } = loadImprove(); // loaded already when the review comes from an improvement
	const forFile = textForFile(improved, review.originalText, review.encoding, eolOf(source), review.tracker.raw);
	// A YAML block header may gain an indentation indicator (`|2`): the edit then starts at the header.
	const before = forFile.ok ? forFile.before : undefined;
	const start = found.range.start - (before?.original.length ?? 0);
	const whole = source.getText();
	if (before && whole.slice(start, found.range.start) !== before.original) {
		log.warn(`Review ${review.id}: the YAML block header of the prompt in ${review.sourceUri.toString()} changed; not applied.`);
		await offerCopy(ui, improved, vscode.l10n.t('Cekura: the YAML block holding the prompt in {0} was edited, so the improvement was not applied and your text is kept.', review.sourceName), source.uri);
		return undefined;
	}
	// The last line of defence: the file as it would be must parse and hold exactly the reviewed text.
	const replacement = forFile.ok ? (before?.replacement ?? '') + forFile.text : '';
	const check = forFile.ok
		? checkApplied(whole.slice(0, start) + replacement + whole.slice(found.range.end), source.languageId, { start: start + replacement.length - forFile.text.length, end: start + replacement.length }, forFile.expected)
		: forFile;
	if (!check.ok) {
		log.warn(`Review ${review.id}: not applied to ${review.sourceUri.toString()} (${review.encoding.description}): ${check.reason}.`);
		await offerCopy(ui, improved, vscode.l10n.t('Cekura: the improvement was not applied: {0}. Your file is unchanged; copy the improved prompt instead.', check.reason), source.uri);
		return undefined;
	}
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
