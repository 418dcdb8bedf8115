import * as vscode from 'vscode';
import { QuickInputIds } from '../../core/quickInputIds';
import { HISTORY_SCHEME } from '../../constants';
import { filterChoices, filterEntries, finalText, versionPath, type HistoryEntry, type HistoryFilter } from '../../core/history';
import { inBackground } from '../../vscode/background';
import type { Log } from '../../vscode/log';
import { markedCheck, offerApplyOrDiscard } from '../../vscode/review/applyOrDiscardOffer';
import { openReport, reportUri } from '../vscode/chatTest/testReport';
import type { HistoryStore } from '../vscode/review/historyStore';
import type { ReviewManager } from '../../vscode/review/reviewManager';
import type { Ui } from '../../vscode/ui';
import { errorMessage } from '../../core/errorMessage';

interface ShowHistoryDeps {
	history: HistoryStore;
	reviews: ReviewManager;
	ui: Ui;
	log: Log;
}

type ListItem = vscode.QuickPickItem & ({ entry: HistoryEntry } | { filter: 'file' | 'run' | 'clear' });
type ActionItem = vscode.QuickPickItem & { action: 'reopen' | 'testReport' | 'compareCurrent' | 'compareTwo' | 'applyAgain' | 'copy' };

/**
 * Cekura: Show Improvement History: the proposals of this workspace, newest first (filtered by file or run), and
 * for one of them: reopen its review, compare it with the prompt in the file now or with another version, apply it
 * again, copy it.
 */
export async function showHistory(deps: ShowHistoryDeps): Promise<void> {
	const all = await deps.history.all();
	if (all.length === 0) {
		deps.ui.notify('info', vscode.l10n.t('Cekura: no improvements are recorded in this workspace yet. Select a prompt and run Improve Prompt from Runs… to make one.'));
		return;
	}
	let filter: HistoryFilter = {};
	for (;;) {
		const picked = await pickEntry(deps, all, filter);
		if (!picked) return;
		if ('entry' in picked) return actOn(deps, picked.entry, all);
		if (picked.filter === 'clear') filter = {};
		else if (picked.filter === 'file') filter = { ...filter, file: await pickFile(deps, all) ?? filter.file };
		else filter = { ...filter, runId: await pickRun(deps, all) ?? filter.runId };
	}
}

async function pickEntry(deps: ShowHistoryDeps, all: readonly HistoryEntry[], filter: HistoryFilter): Promise<ListItem | undefined> {
	const shown = filterEntries(all, filter);
	const filtered = filter.file !== undefined || filter.runId !== undefined;
	const fileName = filter.file && all.find((e) => e.source.uri === filter.file)?.source.name;
	const items: ListItem[] = [
		{ label: vscode.l10n.t('$(filter) Filter by File…'), filter: 'file' },
		{ label: vscode.l10n.t('$(filter) Filter by Run…'), filter: 'run' },
		...(filtered ? [{ label: vscode.l10n.t('$(clear-all) Show All'), filter: 'clear' as const }] : []),
		{ label: '', kind: vscode.QuickPickItemKind.Separator, filter: 'clear' as const },
		...shown.map((entry) => entryItem(deps, entry)),
	];
	const title = !filtered
		? vscode.l10n.t('Cekura: Improvement History ({0})', shown.length)
		: filter.runId === undefined
			? vscode.l10n.t('Cekura: Improvement History of {0} ({1})', fileName ?? '', shown.length)
			: fileName === undefined
				? vscode.l10n.t('Cekura: Improvement History with run {0} ({1})', filter.runId, shown.length)
				: vscode.l10n.t('Cekura: Improvement History of {0} with run {1} ({2})', fileName, filter.runId, shown.length);
	return deps.ui.showQuickPick(items, { id: QuickInputIds.history, title, placeHolder: vscode.l10n.t('Choose a proposal, newest first'), matchOnDescription: true, matchOnDetail: true });
}

function entryItem(deps: ShowHistoryDeps, entry: HistoryEntry): ListItem {
	const open = deps.reviews.openReviews.some((r) => r.historyId === entry.id);
	const outcome = open
		? vscode.l10n.t('$(diff) open')
		: entry.outcome === 'applied'
			? vscode.l10n.t('$(check) applied')
			: entry.outcome === 'discarded'
				? vscode.l10n.t('$(discard) discarded')
				: vscode.l10n.t('$(circle-outline) not decided');
	return {
		label: vscode.l10n.t('{0}, lines {1}–{2} · {3}', entry.source.name, entry.source.startLine, entry.source.endLine, when(entry.time)),
		description: vscode.l10n.t('{0} · runs {1} · by {2}', outcome, entry.runIds.join(', '), entry.author),
		// The checks that asked the user to look follow the summary (all of them show again with Reopen Review).
		detail: [...(entry.test ? [vscode.l10n.t('$(beaker) tested: {0}', entry.test.summary)] : []), entry.stats, entry.summary.trim() || vscode.l10n.t('no summary of the changes was sent.'), ...(entry.checks ?? []).filter((c) => !c.ok).map(markedCheck)].join(' · '),
		entry,
	};
}

async function pickFile(deps: ShowHistoryDeps, all: readonly HistoryEntry[]): Promise<string | undefined> {
	const items = filterChoices(all).files.map((f) => ({ label: f.name, description: vscode.l10n.t('{0} proposals', f.count), detail: f.uri, uri: f.uri }));
	return (await deps.ui.showQuickPick(items, { id: QuickInputIds.historyFile, title: vscode.l10n.t('Cekura: Show the proposals of which file?') }))?.uri;
}

async function pickRun(deps: ShowHistoryDeps, all: readonly HistoryEntry[]): Promise<number | undefined> {
	const items = filterChoices(all).runIds.map((id) => ({ label: `#${id}`, id }));
	return (await deps.ui.showQuickPick(items, { id: QuickInputIds.historyRun, title: vscode.l10n.t('Cekura: Show the proposals made with which run?') }))?.id;
}

async function actOn(deps: ShowHistoryDeps, entry: HistoryEntry, all: readonly HistoryEntry[]): Promise<void> {
	const items: ActionItem[] = [
		{ label: vscode.l10n.t('$(diff) Reopen Review'), detail: vscode.l10n.t('The original prompt beside the proposal, to edit, apply or discard'), action: 'reopen' },
		...(entry.test ? [{ label: vscode.l10n.t('$(beaker) Open Last Test Report'), detail: vscode.l10n.t('Tested {0}: {1}', when(entry.test.at), entry.test.summary), action: 'testReport' as const }] : []),
		{ label: vscode.l10n.t('$(compare-changes) Compare with Current Prompt'), detail: vscode.l10n.t('The proposal beside {0} as it is now', entry.source.name), action: 'compareCurrent' },
		...(all.length > 1 ? [{ label: vscode.l10n.t('$(versions) Compare with Another Version…'), action: 'compareTwo' as const }] : []),
		{ label: vscode.l10n.t('$(check) Apply Again'), detail: vscode.l10n.t('Writes the proposal in place of the original prompt, if that is still in {0}', entry.source.name), action: 'applyAgain' },
		{ label: vscode.l10n.t('$(clippy) Copy Proposal'), action: 'copy' },
	];
	const chosen = await deps.ui.showQuickPick(items, { id: QuickInputIds.historyEntry, title: vscode.l10n.t('Cekura: {0} of {1}', entry.source.name, when(entry.time)), placeHolder: entry.summary });
	switch (chosen?.action) {
		case undefined:
			return;
		case 'reopen': {
			const { review, found } = await deps.reviews.reopen(entry);
			if (found) inBackground(offerApplyOrDiscard(deps.reviews, deps.ui, review), 'The summary of changes', deps.log);
			else deps.ui.notify('info', vscode.l10n.t('Cekura: the original prompt of this proposal is no longer in {0} for sure (it was applied or edited since). You can compare and copy the proposal; Apply will not change the file.', entry.source.name));
			return;
		}
		case 'testReport': {
			const report = reportUri(entry);
			if (report) await openReport(report, deps.log, deps.reviews.openReviews.find((r) => r.historyId === entry.id));
			return;
		}
		case 'compareCurrent':
			return compareWithCurrent(deps, entry);
		case 'compareTwo':
			return compareTwo(deps, entry, all);
		case 'applyAgain':
			await deps.reviews.applyAgain(entry);
			return;
		case 'copy':
			await vscode.env.clipboard.writeText(finalText(entry));
			vscode.window.setStatusBarMessage(vscode.l10n.t('$(clippy) Cekura: improved prompt copied to the clipboard.'), 5000);
			return;
	}
}

async function compareWithCurrent(deps: ShowHistoryDeps, entry: HistoryEntry): Promise<void> {
	const source = vscode.Uri.parse(entry.source.uri);
	try {
		await vscode.workspace.openTextDocument(source);
	} catch (err) {
		deps.log.warn(`History: cannot open ${entry.source.uri}: ${errorMessage(err)}`);
		deps.ui.notify('warning', vscode.l10n.t('Cekura: {0} cannot be opened any more, so there is nothing to compare with. Copy the proposal instead.', entry.source.name));
		return;
	}
	const title = vscode.l10n.t('{0}: Proposal of {1} ↔ Current', entry.source.name, when(entry.time));
	await vscode.commands.executeCommand('vscode.diff', proposalUri(entry), source, title, { preview: false });
}

async function compareTwo(deps: ShowHistoryDeps, entry: HistoryEntry, all: readonly HistoryEntry[]): Promise<void> {
	const others = all.filter((e) => e.id !== entry.id);
	// Versions of the same file first.
	const sorted = [...others.filter((e) => e.source.uri === entry.source.uri), ...others.filter((e) => e.source.uri !== entry.source.uri)];
	const picked = await deps.ui.showQuickPick(
		sorted.map((e) => entryItem(deps, e)),
		{ id: QuickInputIds.historyCompare, title: vscode.l10n.t('Cekura: Compare {0} of {1} with which version?', entry.source.name, when(entry.time)), matchOnDescription: true, matchOnDetail: true },
	);
	if (!picked || !('entry' in picked)) return;
	const [older, newer] = picked.entry.time <= entry.time ? [picked.entry, entry] : [entry, picked.entry];
	const title = vscode.l10n.t('{0} ({1}) ↔ {2} ({3})', older.source.name, when(older.time), newer.source.name, when(newer.time));
	await vscode.commands.executeCommand('vscode.diff', proposalUri(older), proposalUri(newer), title, { preview: false });
}

function when(time: number): string {
	return new Date(time).toLocaleString(vscode.env.language, { dateStyle: 'medium', timeStyle: 'short' });
}

/** The read-only document of what the proposal became (served by `HistoryDocuments`). */
function proposalUri(entry: HistoryEntry): vscode.Uri {
	return vscode.Uri.from({ scheme: HISTORY_SCHEME, path: versionPath(entry, 'proposal') });
}
