import * as vscode from 'vscode';
import { isCancellation } from '../core/cancellation';
import { CekuraError } from '../core/cekuraError';
import type { ImproveEngine, ImproveInput, Proposal } from '../core/engines/improveEngine';
import { diffStatsInSlices, formatDiffStats } from '../core/diffStats';
import { sameText } from '../core/eol';
import { expressionWarnings } from '../core/jsLiterals';
import { detectEncoding, isRefusal, PLAIN, type PromptEncoding } from '../core/promptEncoding';
import { LAST_RUN_IDS_KEY, ORIGINAL_SCHEME, REVIEW_SCHEME } from '../constants';
import type { ApiKeyStore } from '../vscode/apiKeyStore';
import { inBackground } from '../vscode/background';
import { createCekuraClient } from '../vscode/cekuraClientFactory';
import type { ImproveEngines } from '../vscode/engines/improveEngines';
import { showError } from '../vscode/errorNotification';
import { pickFocus } from '../vscode/focusPicker';
import type { Log } from '../vscode/log';
import { withCancellableProgress } from '../vscode/progress';
import { offerApplyOrDiscard } from '../vscode/review/applyOrDiscardOffer';
import type { ReviewManager } from '../vscode/review/reviewManager';
import { SourceTracker } from '../vscode/review/sourceTracker';
import { pickRuns } from '../vscode/runPicker';
import { openSettings, readSettings } from '../vscode/settings';
import type { Ui } from '../vscode/userInterface';

export interface ImprovePromptDeps {
	keys: ApiKeyStore;
	modelKeys: ApiKeyStore;
	engines: ImproveEngines;
	reviews: ReviewManager;
	log: Log;
	ui: Ui;
	workspaceState: vscode.Memento;
	version: string;
}

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
export async function improvePrompt(deps: ImprovePromptDeps): Promise<void> {
	const { keys, log, ui } = deps;
	const target = await promptTarget(ui);
	if (!target) return;

	let settings = readSettings();
	if (!settings.baseUrl.ok) {
		log.error(settings.baseUrl.message);
		const open = vscode.l10n.t('Open Settings');
		if ((await ui.message('error', vscode.l10n.t('Cekura: {0}', settings.baseUrl.message), open)) === open) await openSettings();
		return;
	}
	const baseUrl = settings.baseUrl.url;

	const storedKey = (await keys.get()) ?? (await keys.prompt(vscode.l10n.t('No Cekura API key is set yet.')));
	if (!storedKey) return;
	let apiKey: string = storedKey;
	const clientFor = (key: string) => createCekuraClient(baseUrl, key, settings.improveTimeoutMs, log, deps.version);

	const lastIds = deps.workspaceState.get<number[]>(LAST_RUN_IDS_KEY, []);
	const runIds = await pickRuns(ui, clientFor(apiKey), { agentId: settings.agentId, projectId: settings.projectId }, lastIds, log);
	if (!runIds) return;
	await deps.workspaceState.update(LAST_RUN_IDS_KEY, runIds);

	const focus = await pickFocus(ui, clientFor(apiKey), runIds, log);
	if (!focus) return;

	const input: ImproveInput = { prompt: target.text, runIds, focus };
	log.info(`Improving ${target.text.length} characters (${target.encoding.description}) of ${target.document.uri.toString()} with runs ${runIds.join(', ')}` +
		`${focus.workflow_metric_ids.length ? `, workflow metrics ${focus.workflow_metric_ids.join(', ')}` : ''}` +
		`${focus.category_ids.length ? `, categories ${focus.category_ids.join(', ')}` : ''}.`);
	// From here on, edits to the file move the prompt or mark it edited, so the review applies to the copy that was sent.
	const tracker = new SourceTracker(target.document.uri, target.raw, {
		start: target.document.offsetAt(target.range.start),
		end: target.document.offsetAt(target.range.end),
	});
	let handedOver = false;
	try {
		// Setting an engine up can ask the user, or fail with an error that offers what helps: it happens in the loop.
		let nextEngine = (): Promise<ImproveEngine | undefined> => deps.engines.configured(settings, clientFor(apiKey));
		let engine: ImproveEngine | undefined;
		for (;;) {
			try {
				engine ??= await nextEngine();
				if (!engine) return;
				const current = engine;
				log.info(`Engine: ${current.author} (${current.kind}).`);
				const proposal = await withCancellableProgress(vscode.l10n.t('Cekura: improving the prompt with {0}', current.author), (signal, report) => current.improve(input, signal, report));
				handedOver = await showProposal(deps, target, tracker, runIds, proposal);
				return;
			} catch (err) {
				if (isCancellation(err)) {
					log.info('Improvement cancelled; nothing was changed.');
					return;
				}
				if (settings.engine === 'auto' && engine?.kind === 'cekura' && err instanceof CekuraError && err.kind === 'notOffered') {
					const status = err.status;
					const asked = settings;
					nextEngine = () => deps.engines.fallback(asked, clientFor(apiKey), status);
					engine = undefined;
					continue;
				}
				const action = await showError(err, log, ui, (engine?.kind ?? settings.engine) === 'openaiCompatible');
				if (action === 'setApiKey') {
					const key = await keys.prompt();
					if (!key) return;
					apiKey = key;
				} else if (action === 'setModelApiKey') {
					if ((await deps.modelKeys.prompt()) === undefined) return;
				} else if (action === 'chooseEngine') {
					if (!(await deps.engines.choose())) return;
				} else if (action !== 'retry') {
					return;
				}
				settings = readSettings();
				nextEngine = () => deps.engines.configured(settings, clientFor(apiKey));
				engine = undefined;
			}
		}
	} finally {
		if (!handedOver) tracker.dispose();
	}
}

async function promptTarget(ui: Ui): Promise<PromptTarget | undefined> {
	const editor = vscode.window.activeTextEditor;
	if (!editor || editor.document.uri.scheme === REVIEW_SCHEME || editor.document.uri.scheme === ORIGINAL_SCHEME) {
		ui.notify('info', vscode.l10n.t('Cekura: open the file that holds your prompt and select the prompt, then run Improve Prompt from Runs… again.'));
		return undefined;
	}
	const { document, selection } = editor;
	const start = new vscode.Position(0, 0);
	const end = document.lineAt(document.lineCount - 1).range.end;
	let range: vscode.Range = selection;
	if (selection.isEmpty) {
		if (!(await ui.confirm(vscode.l10n.t('No text is selected. Improve the whole document as the prompt?'), vscode.l10n.t('Use Whole Document')))) return undefined;
		range = new vscode.Range(start, end);
	}
	const raw = document.getText(range);
	const encoding = detectEncoding({
		languageId: document.languageId,
		selected: raw,
		before: document.getText(new vscode.Range(start, range.start)),
		after: document.getText(new vscode.Range(range.end, end)),
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

/** Opens the review of `proposal`; false when there was nothing to review. */
async function showProposal(deps: ImprovePromptDeps, target: PromptTarget, tracker: SourceTracker, runIds: readonly number[], proposal: Proposal): Promise<boolean> {
	const summary = proposal.summary_of_changes;
	if (sameText(proposal.improved_prompt, target.text)) {
		deps.log.info(`No changes proposed by ${proposal.author}. ${summary}`);
		deps.ui.notify('info', vscode.l10n.t('{0} proposes no changes to this prompt.', proposal.author) + (summary ? ` ${summary}` : ''));
		return false;
	}
	if (target.encoding.expressions?.length) {
		proposal = { ...proposal, warnings: [...proposal.warnings, ...expressionWarnings(target.encoding.expressions, target.text, proposal.improved_prompt)] };
	}
	// The diff goes to the workbench first; the size of the change is measured in slices meanwhile and shown when
	// ready (a 1 MB proposal takes tens of ms), and the summary, which states it, waits for it.
	const arrived = performance.now();
	const since = (): string => (performance.now() - arrived).toFixed(0);
	const opening = deps.reviews.open({ source: target.document, tracker, encoding: target.encoding, proposal, stats: vscode.l10n.t('measuring the change…'), runIds });
	const requested = since();
	const measuring = diffStatsInSlices(target.text, proposal.improved_prompt).then((stats) => ({ stats, measured: since() }));
	const review = await opening;
	const opened = since();
	inBackground(
		measuring.then(({ stats, measured }) => {
			deps.log.info(`Review ${review.id}: diff requested ${requested} ms after the proposal arrived, its tab open after ${opened} ms, the size of the change measured after ${measured} ms.`);
			deps.reviews.setStats(review, formatDiffStats(stats));
			return offerApplyOrDiscard(deps.reviews, deps.ui, review);
		}),
		'The summary of changes',
		deps.log,
	);
	return true;
}
