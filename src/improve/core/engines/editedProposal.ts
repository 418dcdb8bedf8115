import * as l10n from '@vscode/l10n';
import type { Logger } from '../../../core/logger';
import { MAX_EDITS, parseEditsAnswer, type EditsAnswer } from '../editsAnswer';
import { EditStream } from '../editStream';
import { editsCorrection } from '../modelInstructions';
import { ModelError } from '../modelError';
import { EditPlacer, applyEdits, type EditFailure, type PromptEdit } from '../promptEdits';
import type { ModelAnswer } from '../modelAnswer';
import type { ChatAnswer } from './chatModel';
import type { DraftListener } from './engineTypes';

interface EditsRequest {
	prompt: string;
	label: string;
	log: Logger;
	signal: AbortSignal;
	/** Asks the model for edits (`correction`: what was wrong with the first answer's); `onPiece` sees the answer arrive. */
	ask(correction: string | undefined, onPiece: (piece: string) => void): Promise<ChatAnswer>;
	onDraft?: DraftListener;
	/** Takes known keys out of a draft before it is shown. */
	clean: (text: string) => string;
}

/**
 * A proposal from a model answering with edits. Edits apply exactly (`applyEdits`); when some do not, the model is
 * asked once more, naming each and why, for replacements of those alone; whatever still does not apply is left out
 * and listed after the summary. Drafts go to `onDraft` as edits arrive.
 */
export async function proposeWithEdits(req: EditsRequest): Promise<ModelAnswer> {
	const first = await editsOf(req, await req.ask(undefined, drafting(req, [])));
	const firstRound = applyEdits(req.prompt, first.edits);
	let notApplied = firstRound.failed;
	let text = firstRound.text;
	if (notApplied.length > 0) {
		req.log.warn(`${req.label}: ${notApplied.length} of ${first.edits.length} edits did not apply (${describeFailures(notApplied)}); asking once more for those.`);
		const kept = firstRound.applied.map((i) => first.edits[i]);
		const second = await secondAnswer(req, notApplied, kept);
		if (second) {
			const secondRound = applyEdits(req.prompt, [...kept, ...second.edits]);
			text = secondRound.text;
			notApplied = secondRound.failed.map((f) => ({ ...f, index: f.index - kept.length }));
			if (notApplied.length) req.log.warn(`${req.label}: ${notApplied.length} of the ${second.edits.length} corrected edits did not apply either (${describeFailures(notApplied)}); they are left out.`);
		}
	}
	if (text.trim() === '' && req.prompt.trim() !== '') {
		throw new ModelError('invalidResponse', l10n.t('The model\'s edits delete the whole prompt. Try again, or choose another model.'));
	}
	req.log.info(`${req.label}: ${first.edits.length} edits received, proposal of ${text.length} characters.`);
	return { improved_prompt: text, summary_of_changes: notApplied.length ? `${first.summary_of_changes}\n\n${notAppliedList(notApplied, req.clean)}` : first.summary_of_changes };
}

async function editsOf(req: EditsRequest, answer: ChatAnswer): Promise<EditsAnswer> {
	try {
		return parseEditsAnswer(answer.text);
	} catch (err) {
		req.log.error(`${req.label} answered (${answer.text.length} characters) with something that is not the expected edits object:\n${answer.text.slice(0, 20_000)}`);
		throw err;
	}
}

/** The second answer, or undefined when it failed for any reason but cancellation (the first answer's edits then stand). */
async function secondAnswer(req: EditsRequest, failed: readonly EditFailure[], kept: readonly PromptEdit[]): Promise<EditsAnswer | undefined> {
	try {
		return await editsOf(req, await req.ask(editsCorrection(failed, kept.length), drafting(req, kept)));
	} catch (err) {
		if (req.signal.aborted || (err instanceof ModelError && err.kind === 'cancelled')) throw err;
		req.log.warn(`${req.label}: the second request for edits failed (${err instanceof Error ? err.message : String(err)}); the proposal keeps the edits that applied.`);
		return undefined;
	}
}

/** Feeds the streamed answer to an `EditStream` and calls `onDraft` after each edit that applies cleanly after `base`. */
function drafting(req: EditsRequest, base: readonly PromptEdit[]): (piece: string) => void {
	const { onDraft } = req;
	if (!onDraft) return () => undefined;
	const placer = new EditPlacer(req.prompt);
	base.forEach((edit, i) => placer.place(edit, i));
	const stream = new EditStream();
	let index = base.length;
	return (piece) => {
		for (const edit of stream.push(piece)) {
			req.log.debug(`${req.label}: edit ${index + 1} is complete in the stream.`);
			if (index >= base.length + MAX_EDITS || placer.place(edit, index++)) continue;
			try {
				onDraft({ text: req.clean(placer.text()), editsApplied: placer.count });
			} catch (err) {
				req.log.warn(`A draft of the proposal could not be shown: ${err instanceof Error ? err.message : String(err)}`);
			}
		}
	};
}

function describeFailures(failed: readonly EditFailure[]): string {
	return failed.map((f) => `edit ${f.index + 1}: ${f.reason}${f.reason === 'overlap' ? ` with edit ${(f.overlapsWith ?? 0) + 1}` : ''}`).join(', ');
}

/** A find as the summary quotes it: one line, at most 80 characters. */
function shortened(find: string): string {
	const line = find.replace(/\s+/g, ' ').trim();
	return line.length > 80 ? `${line.slice(0, 79)}…` : line;
}

/** The localised list, after the summary, of the model's edits that are not in the proposal (keys taken out before a find is cut short). */
function notAppliedList(failed: readonly EditFailure[], clean: (text: string) => string): string {
	const quoted = (find: string): string => shortened(clean(find));
	const lines = failed.map((f) => {
		switch (f.reason) {
			case 'emptyFind':
				return l10n.t('- An edit that names no text to replace.');
			case 'notFound':
				return l10n.t('- "{0}": this text is not in the prompt.', quoted(f.edit.find));
			case 'ambiguous':
				return l10n.t('- "{0}": this text is in the prompt more than once.', quoted(f.edit.find));
			case 'overlap':
				return l10n.t('- "{0}": overlaps another change.', quoted(f.edit.find));
		}
	});
	return [l10n.t('Not applied: the model proposed these changes, but they did not match the prompt exactly, even when asked again:'), ...lines].join('\n');
}
