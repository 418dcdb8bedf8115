import * as vscode from 'vscode';
import type { ImproveInput } from '../core/engines/engineTypes';
import { frontMatterEnd, mayHaveFrontMatter } from '../core/frontMatter';
import { detectEncoding, isRefusal, PLAIN } from '../core/promptEncoding';
import { LAST_RUN_IDS_KEY, ORIGINAL_SCHEME, REVIEW_SCHEME } from '../../constants';
import { runSteps } from '../core/flowSteps';
import { NO_FOCUS } from '../core/focusOptions';
import { engineQuestion, engineStep, focusStep, rememberModel, runsStep } from '../vscode/improveSteps';
import { startSession } from '../vscode/cekuraSession';
import { requestProposal, type ImproveFlowDeps } from '../vscode/requestProposal';
import { reviewProposal } from '../vscode/review/proposalReview';
import { StreamedReview } from '../vscode/review/streamedReview';
import type { Review } from '../../vscode/review/review';
import { SourceTracker } from '../vscode/review/sourceTracker';
import { resolvePromptLocation } from '../vscode/promptLocationArgument';
import type { PromptLocation } from '../../vscode/promptLocation';
import type { Ui } from '../../vscode/ui';
import type { PromptEncoding } from '../../core/encodingTypes';

interface PromptTarget {
	document: vscode.TextDocument;
	/** The selection as it is in the file. */
	raw: string;
	range: vscode.Range;
	/** The prompt as the engine sees it: decoded from the file's form (JSON string, YAML block, template literal). */
	text: string;
	encoding: PromptEncoding;
}

/** Select a prompt, choose runs (and optionally failures to focus on), have an engine rewrite it, review the proposal in a diff. */
export async function improvePrompt(deps: ImproveFlowDeps, location?: PromptLocation): Promise<void> {
	const { log, ui } = deps;
	const target = await promptTarget(ui, location);
	if (!target) return;
	const session = await startSession(deps);
	if (!session) return;

	const lastIds = deps.workspaceState.get<number[]>(LAST_RUN_IDS_KEY, []);
	const steps = [runsStep(deps, session), focusStep(deps, session), engineStep(deps, session)];
	const choices = await runSteps(steps, { runIds: lastIds, focus: NO_FOCUS, engineQuestion: await engineQuestion(session.settings) });
	if (!choices) return;
	await rememberModel(deps, session, choices);
	const { runIds, focus, focusNames } = choices;

	const input: ImproveInput = { prompt: target.text, runIds: [...runIds], focus };
	log.info(`Improving ${target.text.length} characters (${target.encoding.description}) of ${target.document.uri.toString()} with runs ${runIds.join(', ')}` +
		`${focus.workflow_metric_ids.length ? `, workflow metrics ${focus.workflow_metric_ids.join(', ')}` : ''}` +
		`${focus.category_ids.length ? `, categories ${focus.category_ids.join(', ')}` : ''}.`);
	// From here on, edits to the file move the prompt or mark it edited, so the review applies to the copy that was sent.
	const tracker = new SourceTracker(target.document.uri, target.raw, {
		start: target.document.offsetAt(target.range.start),
		end: target.document.offsetAt(target.range.end),
	});
	let review: Review | undefined;
	try {
		const request = { source: target.document, tracker, encoding: target.encoding, runIds, focus, focusNames };
		review = await requestProposal<Review | undefined, StreamedReview>(
			deps,
			session,
			input,
			(proposal, draft) => reviewProposal(deps, { ...request, proposal, basedOn: target.text, draft }),
			(author) => new StreamedReview(deps, { ...request, author }),
		);
	} finally {
		// The review owns the tracker from now on.
		if (!review) tracker.dispose();
	}
}

/** The prompt at `location` (a CodeLens's), else the active editor's selection or, confirmed, its whole document. */
async function promptTarget(ui: Ui, location?: PromptLocation): Promise<PromptTarget | undefined> {
	let document: vscode.TextDocument;
	let range: vscode.Range;
	const start = new vscode.Position(0, 0);
	if (location) {
		const located = await resolvePromptLocation(ui, location);
		if (!located) return undefined;
		({ document, range } = located);
	} else {
		const editor = vscode.window.activeTextEditor;
		if (!editor || editor.document.uri.scheme === REVIEW_SCHEME || editor.document.uri.scheme === ORIGINAL_SCHEME) {
			ui.notify('info', vscode.l10n.t('Cekura: open the file that holds your prompt and select the prompt, then run Improve Prompt from Runs… again.'));
			return undefined;
		}
		({ document, selection: range } = editor);
		if (range.isEmpty) {
			// A prompt file's front matter (model, inputs) describes the prompt and is not part of it.
			const body = mayHaveFrontMatter(document.languageId, document.uri.path) ? frontMatterEnd(document.getText()) : 0;
			const question = body > 0
				? vscode.l10n.t('No text is selected. Improve the whole document, without its front matter, as the prompt?')
				: vscode.l10n.t('No text is selected. Improve the whole document as the prompt?');
			if (!(await ui.confirm(question, vscode.l10n.t('Use Whole Document')))) return undefined;
			range = new vscode.Range(document.positionAt(body), document.lineAt(document.lineCount - 1).range.end);
		}
	}
	const end = document.lineAt(document.lineCount - 1).range.end;
	const raw = document.getText(range);
	const encoding = detectEncoding({
		languageId: document.languageId,
		selected: raw,
		before: document.getText(new vscode.Range(start, range.start)),
		after: document.getText(new vscode.Range(range.end, end)),
		fileName: document.uri.path,
	});
	if (isRefusal(encoding)) return plainCopyTarget(ui, document, raw, encoding.reason);
	const text = encoding.decode(raw);
	if (text.trim() === '') {
		ui.notify('warning', vscode.l10n.t('Cekura: the selected prompt is empty. Select the prompt text first; nothing was sent.'));
		return undefined;
	}
	return { document, raw, range, text, encoding };
}

/**
 * The detector cannot be sure how the selection is written in its file: rather than risk writing something that
 * means another thing, offer to improve the selected text as plain text in an untitled copy, where Apply is harmless.
 */
async function plainCopyTarget(ui: Ui, source: vscode.TextDocument, raw: string, reason: string): Promise<PromptTarget | undefined> {
	const action = vscode.l10n.t('Improve as Plain Text in a Copy');
	const name = source.uri.path.split('/').pop() ?? vscode.l10n.t('the file');
	const choice = await ui.message('warning', vscode.l10n.t('Cekura cannot tell for sure how the selected prompt is written in {0} ({1}), so it will not change that file. Improve the selected text as plain text in a copy instead?', name, reason), action);
	if (choice !== action || raw.trim() === '') return undefined;
	const document = await vscode.workspace.openTextDocument({ content: raw, language: 'plaintext' });
	await vscode.window.showTextDocument(document, { preview: false });
	const range = new vscode.Range(new vscode.Position(0, 0), document.lineAt(document.lineCount - 1).range.end);
	return { document, raw, range, text: raw, encoding: PLAIN };
}
