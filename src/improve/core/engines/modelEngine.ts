import * as l10n from '@vscode/l10n';
import type { Run } from '../../../core/apiTypes';
import type { Logger } from '../../../core/logger';
import { answerSchema } from '../answerSchema';
import { parseModelAnswer, type ModelAnswer } from '../modelAnswer';
import { ModelError } from '../modelError';
import type { AnswerFormat } from '../modelInstructions';
import { buildModelRequest, charBudget, type PromptBudget } from '../modelPrompt';
import { missingPlaceholders } from '../placeholders';
import { throttled } from '../throttle';
import type { ChatAnswer, ChatModel } from './chatModel';
import { proposeWithEdits } from './editedProposal';
import type { EngineKind } from './engineCatalog';
import type { DraftListener, ImproveEngine, ImproveInput } from './engineTypes';
import type { Proposal } from '../../../core/proposal';

/** How often the count of characters received may change in the progress notification. */
const PROGRESS_INTERVAL_MS = 100;

/**
 * From this many characters of prompt on (about 300 tokens), the model answers with edits rather than the whole
 * prompt. The bench (`npm run bench`, rows "edits answer, …-token prompt with 3 small changes") measures, at 300
 * tokens, edits at about half the whole answer's output tokens (238 against 482: 4.8 s against 9.6 s at 50 tokens/s)
 * and at 2,000 tokens about 12%; the two cost the same near 100 tokens (reasoning, summary and JSON are ~170 tokens
 * either way, each small change ~50). Below this size the whole answer is at most ~5 s slower and cannot fail to apply.
 */
export const EDITS_FROM_CHARS = 1_200;

/** Reads the chosen runs' evidence (Cekura's `runs/bulk`). */
type RunReader = (ids: readonly number[], signal: AbortSignal) => Promise<Run[]>;

/**
 * Rewrites the prompt with a chat model, grounded in the runs' evidence: the failures, the expected outcome, the
 * transcript around the failing moment. A short prompt is answered whole; a longer one, or one whose whole answer
 * stopped at the model's output limit, with edits (`proposeWithEdits`). The answer is parsed strictly; dropped
 * template placeholders are warned of.
 */
export class ModelEngine implements ImproveEngine {
	constructor(
		readonly kind: Exclude<EngineKind, 'cekura'>,
		private readonly model: ChatModel,
		private readonly readRuns: RunReader,
		private readonly log: Logger,
		/** Takes every key known to this session out of the run evidence before it goes to the model. */
		private readonly clean: (text: string) => string = (text) => text,
	) {}

	get author(): string {
		return this.model.label;
	}

	async improve(input: ImproveInput, signal: AbortSignal, report: (message: string) => void, onDraft?: DraftListener): Promise<Proposal> {
		const started = Date.now();
		const label = this.model.label;
		report(input.runIds.length > 1 ? l10n.t('reading what happened in runs {0}…', input.runIds.join(', ')) : l10n.t('reading what happened in run {0}…', input.runIds.join(', ')));
		const runs = await this.readRuns(input.runIds, signal);
		// The correction quotes the model's own edits: keys are taken out, as from the evidence.
		const ask = (format: AnswerFormat, correction?: string, onPiece?: (piece: string) => void): Promise<ChatAnswer> =>
			this.ask({ ...input, runs, format, correction: correction && this.clean(correction) }, signal, report, onPiece);
		let parsed = input.prompt.length < EDITS_FROM_CHARS ? this.wholeAnswer(await ask('whole')) : 'edits';
		if (parsed === 'length') this.log.warn(`${label} stopped at its output limit while writing the whole prompt; asking again for edits.`);
		if (typeof parsed === 'string') {
			parsed = await proposeWithEdits({ prompt: input.prompt, label, log: this.log, signal, onDraft, clean: this.clean, ask: (correction, onPiece) => ask('edits', correction, onPiece) });
		}
		this.log.info(`${label}: proposal of ${parsed.improved_prompt.length} characters in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
		const missing = missingPlaceholders(input.prompt, parsed.improved_prompt);
		const warnings = missing.length
			? [missing.length > 1
				? l10n.t('The proposal drops the template placeholders {0}; put them back before applying.', missing.join(', '))
				: l10n.t('The proposal drops the template placeholder {0}; put it back before applying.', missing.join(', '))]
			: [];
		return { ...parsed, author: label, warnings };
	}

	/** One request to the model in the given format, with the progress of its answer. */
	private async ask(input: ImproveInput & { runs: Run[]; format: AnswerFormat; correction?: string }, signal: AbortSignal, report: (message: string) => void, onPiece?: (piece: string) => void): Promise<ChatAnswer> {
		const label = this.model.label;
		const request = await buildModelRequest({ ...input, clean: this.clean }, this.budget(signal));
		const { stats } = request;
		this.log.info(
			`${label}: ${input.format === 'edits' ? 'edits' : 'whole prompt'}${input.correction ? ' (second request)' : ''}, evidence of ${stats.runs} run(s), ${stats.transcriptTurns} transcript turns, about ${stats.tokens} tokens of ${this.model.maxInputTokens}` +
				`${stats.trimmed.length ? ` (${stats.trimmed.join('; ')})` : ''}${input.note ? '; with the user\'s note' : ''}.`,
		);
		if (stats.unreadable.length) this.log.warn(`${label}: fields Cekura sent in the wrong shape were left out of the evidence: ${stats.unreadable.join('; ')}.`);
		report(l10n.t('asking {0}…', label));
		const progress = throttled((received: number) => report(l10n.t('{0}: {1} characters received…', label, received.toLocaleString('en-US'))), PROGRESS_INTERVAL_MS);
		try {
			const answer = await this.model.complete(request.instructions, request.request, signal, (received, piece) => {
				progress.push(received);
				if (piece) onPiece?.(piece);
			}, { schema: answerSchema(input.format) });
			const tokens = answer.inputTokens !== undefined || answer.outputTokens !== undefined ? `, ${answer.inputTokens ?? '?'} tokens in, ${answer.outputTokens ?? '?'} out` : '';
			this.log.info(`${label}: answer of ${answer.text.length} characters${tokens} (finish: ${answer.finishReason ?? 'not said'}).`);
			return answer;
		} finally {
			progress.stop();
		}
	}

	/** The whole-prompt answer parsed, or 'length' when it stopped at the model's output limit (then edits are asked for). */
	private wholeAnswer(answer: ChatAnswer): ModelAnswer | 'length' {
		if (answer.finishReason === 'length') return 'length';
		try {
			return parseModelAnswer(answer.text);
		} catch (err) {
			// VS Code's models say no finish reason: an answer that stops inside its object stopped at the limit.
			if (err instanceof ModelError && err.kind === 'truncated') return 'length';
			this.log.error(`${this.model.label} answered (${answer.text.length} characters) with something that is not the expected JSON object:\n${answer.text.slice(0, 20_000)}`);
			throw err;
		}
	}

	private budget(signal: AbortSignal): PromptBudget {
		const { model } = this;
		const count = model.countTokens?.bind(model);
		if (!count) return { ...charBudget(model.maxInputTokens), sharedWithOutput: model.sharedWithOutput };
		return { maxInputTokens: model.maxInputTokens, sharedWithOutput: model.sharedWithOutput, countTokens: (text) => count(text, signal) };
	}
}
