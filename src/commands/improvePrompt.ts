import * as vscode from 'vscode';
import { isCancellation } from '../core/cekuraError';
import { sameText } from '../core/eol';
import { detectEncoding, type PromptEncoding } from '../core/promptEncoding';
import { LAST_RUN_IDS_KEY, ORIGINAL_SCHEME, REVIEW_SCHEME } from '../constants';
import type { ApiKeyStore } from '../vscode/apiKeyStore';
import { createCekuraClient } from '../vscode/cekuraClientFactory';
import { showError } from '../vscode/errorNotification';
import type { Log } from '../vscode/log';
import { withCancellableProgress } from '../vscode/progress';
import type { Ui } from '../vscode/ui';
import type { ReviewManager } from '../vscode/reviews';
import { offerApplyOrDiscard } from '../vscode/reviewSummary';
import { openSettings, readSettings } from '../vscode/settings';

export interface ImprovePromptDeps {
	keys: ApiKeyStore;
	reviews: ReviewManager;
	log: Log;
	ui: Ui;
	workspaceState: vscode.Memento;
	version: string;
}

interface PromptTarget {
	document: vscode.TextDocument;
	/** The selection as it is in the file, and its offset. */
	raw: string;
	start: number;
	/** The prompt as Cekura sees it: decoded from the file's form (JSON string, YAML block, template literal). */
	text: string;
	encoding: PromptEncoding;
}

/** Select a prompt, choose runs (and optionally failures to focus on), ask Cekura, review the proposal in a diff. */
export async function improvePrompt(deps: ImprovePromptDeps): Promise<void> {
	const { keys, log, ui } = deps;
	const target = await promptTarget(ui);
	if (!target) return;

	const settings = readSettings();
	if (!settings.baseUrl.ok) {
		log.error(settings.baseUrl.message);
		if ((await ui.message('error', `Cekura: ${settings.baseUrl.message}`, 'Open Settings')) === 'Open Settings') await openSettings();
		return;
	}
	const baseUrl = settings.baseUrl.url;

	let apiKey = (await keys.get()) ?? (await keys.prompt('No Cekura API key is set yet.'));
	if (!apiKey) return;
	const clientFor = (key: string) => createCekuraClient(baseUrl, key, settings.improveTimeoutMs, log, deps.version);

	const lastIds = deps.workspaceState.get<number[]>(LAST_RUN_IDS_KEY, []);
	const runIds = await ui.pickRuns(clientFor(apiKey), { agentId: settings.agentId, projectId: settings.projectId }, lastIds, log);
	if (!runIds) return;
	await deps.workspaceState.update(LAST_RUN_IDS_KEY, runIds);

	const focus = await ui.pickFocus(clientFor(apiKey), runIds, log);
	if (!focus) return;

	const request = { prompt: target.text, run_ids: runIds, ...focus };
	log.info(`Improving ${target.text.length} characters (${target.encoding.description}) of ${target.document.uri.toString()} with runs ${runIds.join(', ')}` +
		`${focus.workflow_metric_ids.length ? `, workflow metrics ${focus.workflow_metric_ids.join(', ')}` : ''}` +
		`${focus.category_ids.length ? `, categories ${focus.category_ids.join(', ')}` : ''}.`);
	for (;;) {
		try {
			const client = clientFor(apiKey);
			const answer = await withCancellableProgress('Cekura: improving the prompt', (signal, report) => {
				report(`from run${runIds.length > 1 ? 's' : ''} ${runIds.join(', ')}… (this can take a minute)`);
				return client.improvePrompt(request, signal);
			});
			await showProposal(deps, target, runIds, answer.improved_prompt, answer.summary_of_changes);
			return;
		} catch (err) {
			if (isCancellation(err)) {
				log.info('Improve request cancelled; nothing was changed.');
				return;
			}
			const action = await showError(err, log, ui);
			if (action === 'setApiKey') {
				const key = await keys.prompt();
				if (!key) return;
				apiKey = key;
			} else if (action !== 'retry') {
				return;
			}
		}
	}
}

async function promptTarget(ui: Ui): Promise<PromptTarget | undefined> {
	const editor = vscode.window.activeTextEditor;
	if (!editor || editor.document.uri.scheme === REVIEW_SCHEME || editor.document.uri.scheme === ORIGINAL_SCHEME) {
		void ui.message('info', 'Cekura: open the file that holds your prompt and select the prompt, then run Improve Prompt from Runs… again.');
		return undefined;
	}
	const { document, selection } = editor;
	const start = new vscode.Position(0, 0);
	const end = document.lineAt(document.lineCount - 1).range.end;
	let range: vscode.Range = selection;
	if (selection.isEmpty) {
		if (!(await ui.confirm('No text is selected. Improve the whole document as the prompt?', 'Use Whole Document'))) return undefined;
		range = new vscode.Range(start, end);
	}
	const selected = document.getText(range);
	const encoding = detectEncoding({
		languageId: document.languageId,
		selected,
		before: document.getText(new vscode.Range(start, range.start)),
		after: document.getText(new vscode.Range(range.end, end)),
	});
	const text = encoding.decode(selected);
	if (text.trim() === '') {
		void ui.message('warning', 'Cekura: the selected prompt is empty. Select the prompt text first; nothing was sent.');
		return undefined;
	}
	return { document, raw: selected, start: document.offsetAt(range.start), text, encoding };
}

async function showProposal(deps: ImprovePromptDeps, target: PromptTarget, runIds: readonly number[], improved: string, summary: string): Promise<void> {
	if (sameText(improved, target.text)) {
		deps.log.info(`No changes proposed. ${summary}`);
		void deps.ui.message('info', `Cekura proposes no changes to this prompt.${summary ? ` ${summary}` : ''}`);
		return;
	}
	const review = await deps.reviews.open({ source: target.document, rawOriginal: target.raw, start: target.start, encoding: target.encoding, improvedText: improved, summary, runIds });
	void offerApplyOrDiscard(deps.reviews, deps.ui, review);
}
