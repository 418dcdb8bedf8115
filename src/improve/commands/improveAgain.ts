import * as vscode from 'vscode';
import { QuickInputIds } from '../../core/quickInputIds';
import { isBack } from '../../core/quickInputStep';
import { runSteps, type FlowStep } from '../core/flowSteps';
import type { ImproveChoices } from '../core/improveChoices';
import { engineQuestion, engineStep, focusStep, rememberModel, runsStep } from '../vscode/improveSteps';
import { errorMessage } from '../../core/errorMessage';
import { cekuraClient, startSession } from '../vscode/cekuraSession';
import { lookupFocusNames } from '../core/focusNames';
import { requestProposal, type ImproveFlowDeps } from '../vscode/requestProposal';
import { reviewProposal } from '../vscode/review/proposalReview';
import { StreamedReview } from '../vscode/review/streamedReview';
import type { Review } from '../../vscode/review/review';

/** A steering note is one line; longer text belongs in the prompt itself. */
const MAX_NOTE_LENGTH = 300;

/** Improve Again with the runs of a test (Improve Again with Test Results): no run or focus questions. */
interface PresetRuns {
	runIds: readonly number[];
}

const ALL_FAILURES = { workflow_metric_ids: [], category_ids: [] };

/**
 * Improve Again: the review's right side, as the user left it, is improved once more (with the same runs or others
 * and an optional steering note), and the new proposal replaces the review, diffed against that right side.
 */
export async function improveAgain(deps: ImproveFlowDeps, uri: unknown, preset?: PresetRuns): Promise<void> {
	const { log, ui, reviews } = deps;
	const review = await reviews.choose(uri, vscode.l10n.t('Cekura: Improve which review again?'));
	if (!review || reviews.refusedWhileDrafting(review)) return;
	const session = await startSession(deps);
	if (!session) return;
	const question = await engineQuestion(session.settings);
	// Runs preset (a test's simulated runs): only the engine's model and the note are asked.
	const steps = preset
		? [engineStep(deps, session), noteStep(deps)]
		: [whichRunsStep(deps, review), runsStep(deps, session), focusStep(deps, session), engineStep(deps, session), noteStep(deps)];
	const start = preset ? { runIds: preset.runIds, focus: ALL_FAILURES, sameRuns: true } : { runIds: review.runIds, focus: review.focus };
	const runs = await runSteps(steps, { ...start, engineQuestion: question });
	if (!runs) return;
	await rememberModel(deps, session, runs);
	const note = runs.note ?? '';

	let prompt: string;
	try {
		prompt = (await vscode.workspace.openTextDocument(review.improvedUri)).getText();
	} catch (err) {
		ui.notify('warning', vscode.l10n.t('Cekura: the review of {0} is already closed ({1}).', review.sourceName, errorMessage(err)));
		return;
	}
	if (prompt.trim() === '') {
		ui.notify('warning', vscode.l10n.t('Cekura: the right side of the review is empty, so there is nothing to improve again. Undo your edits there first.'));
		return;
	}
	log.info(`Improving review ${review.id} again (${prompt.length} characters) with runs ${runs.runIds.join(', ')}${note ? ' and a steering note' : ''}.`);
	// Without the focus step (the same runs), the failures' names are read while the engine works.
	const focusNames = runs.focusNames ? Promise.resolve(runs.focusNames) : lookupFocusNames(cekuraClient(deps, session), runs.runIds, log);
	let source: vscode.TextDocument;
	try {
		source = await vscode.workspace.openTextDocument(review.sourceUri);
	} catch (err) {
		ui.notify('warning', vscode.l10n.t('Cekura: {0} cannot be opened any more ({1}), so the new proposal is not shown.', review.sourceName, errorMessage(err)));
		return;
	}
	const request = { source, tracker: review.tracker, encoding: review.encoding, runIds: runs.runIds, focus: runs.focus, previous: { review, text: prompt } };
	const drafts = (author: string): StreamedReview => new StreamedReview(deps, { ...request, author });
	await requestProposal<void, StreamedReview>(deps, session, { prompt, runIds: [...runs.runIds], focus: runs.focus, note: note || undefined }, async (proposal, draft) => {
		if (!reviews.openReviews.includes(review)) {
			// Applied or discarded while the request ran: its place in the file is gone with it.
			ui.notify('info', vscode.l10n.t('Cekura: the review of {0} was closed while {1} worked on it, so its new proposal is not shown.', review.sourceName, proposal.author));
			return;
		}
		await reviewProposal(deps, { ...request, proposal, basedOn: prompt, draft, focusNames: await focusNames });
	}, drafts);
}

interface RunsItem extends vscode.QuickPickItem {
	same: boolean;
}

/** The same runs and focus as before, or others chosen as in Improve Prompt from Runs…. */
function whichRunsStep(deps: ImproveFlowDeps, review: Review): FlowStep<ImproveChoices> {
	return {
		async run(choices, position) {
			const focused = review.focus.workflow_metric_ids.length + review.focus.category_ids.length;
			const items: RunsItem[] = [
				{
					label: vscode.l10n.t('$(history) Same runs: {0}', review.runIds.map((id) => `#${id}`).join(', ')),
					description: focused ? vscode.l10n.t('focused on {0} failures', focused) : vscode.l10n.t('all their failures'),
					same: true,
				},
				{ label: vscode.l10n.t('$(list-selection) Other runs…'), description: vscode.l10n.t('choose up to 3 runs'), same: false },
			];
			const picked = await deps.ui.pickStep(items, { id: QuickInputIds.againWhichRuns, title: vscode.l10n.t('Cekura: Improve Again with which runs?'), ignoreFocusOut: true }, position);
			if (picked === undefined || isBack(picked)) return picked;
			return { state: picked.same ? { ...choices, sameRuns: true, runIds: review.runIds, focus: review.focus, focusNames: undefined } : { ...choices, sameRuns: false } };
		},
	};
}

/** The optional steering note: '' for none. */
function noteStep(deps: ImproveFlowDeps): FlowStep<ImproveChoices> {
	return {
		async run(choices, position) {
			const note = await deps.ui.inputStep({
				id: QuickInputIds.note,
				title: vscode.l10n.t('Cekura: Improve Again: a note for the next proposal (optional)'),
				prompt: vscode.l10n.t('One line, sent with the request where the engine can take it (model engines). Press Enter to go on without a note.'),
				placeHolder: vscode.l10n.t("e.g. keep it under 300 words; don't change the greeting"),
				value: choices.note,
				ignoreFocusOut: true,
				validateInput: (value) => (value.trim().length > MAX_NOTE_LENGTH ? vscode.l10n.t('At most {0} characters: a note steers, the runs ground the change.', MAX_NOTE_LENGTH) : undefined),
			}, position);
			if (note === undefined || isBack(note)) return note;
			return { state: { ...choices, note: note.replace(/\s+/g, ' ').trim() } };
		},
	};
}
