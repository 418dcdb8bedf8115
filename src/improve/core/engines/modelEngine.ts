import * as l10n from '@vscode/l10n';
import type { Run } from '../../../core/apiTypes';
import type { Logger } from '../../../core/logger';
import { parseModelAnswer } from '../modelAnswer';
import { buildModelRequest, charBudget, type PromptBudget } from '../modelPrompt';
import { missingPlaceholders } from '../placeholders';
import { throttled } from '../throttle';
import type { ChatModel } from './chatModel';
import type { EngineKind } from './engineCatalog';
import type { ImproveEngine, ImproveInput } from './engineTypes';
import type { Proposal } from '../../../core/proposal';

/** How often the count of characters received may change in the progress notification. */
const PROGRESS_INTERVAL_MS = 100;

/** Reads the chosen runs' evidence (Cekura's `runs/bulk`). */
type RunReader = (ids: readonly number[], signal: AbortSignal) => Promise<Run[]>;

/**
 * Rewrites the prompt with a chat model, grounded in the runs' evidence: the failures, the expected outcome, the
 * transcript around the failing moment. The answer is parsed strictly; dropped template placeholders are warned of.
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

	async improve(input: ImproveInput, signal: AbortSignal, report: (message: string) => void): Promise<Proposal> {
		const started = Date.now();
		const label = this.model.label;
		report(input.runIds.length > 1 ? l10n.t('reading what happened in runs {0}…', input.runIds.join(', ')) : l10n.t('reading what happened in run {0}…', input.runIds.join(', ')));
		const runs = await this.readRuns(input.runIds, signal);
		const request = await buildModelRequest({ prompt: input.prompt, runs, focus: input.focus, note: input.note, clean: this.clean }, this.budget(signal));
		const { stats } = request;
		this.log.info(
			`${label}: evidence of ${stats.runs} run(s), ${stats.transcriptTurns} transcript turns, about ${stats.tokens} tokens of ${this.model.maxInputTokens}` +
				`${stats.trimmed.length ? ` (${stats.trimmed.join('; ')})` : ''}${input.note ? '; with the user\'s note' : ''}.`,
		);
		if (stats.unreadable.length) this.log.warn(`${label}: fields Cekura sent in the wrong shape were left out of the evidence: ${stats.unreadable.join('; ')}.`);
		report(l10n.t('asking {0}…', label));
		const progress = throttled((received: number) => report(l10n.t('{0}: {1} characters received…', label, received.toLocaleString('en-US'))), PROGRESS_INTERVAL_MS);
		let answer;
		try {
			answer = await this.model.complete(request.instructions, request.request, signal, (received) => progress.push(received));
		} finally {
			progress.stop();
		}
		let parsed;
		try {
			parsed = parseModelAnswer(answer.text);
		} catch (err) {
			this.log.error(`${label} answered (${answer.text.length} characters) with something that is not the expected JSON object:\n${answer.text.slice(0, 20_000)}`);
			throw err;
		}
		const tokens = answer.inputTokens !== undefined || answer.outputTokens !== undefined ? `, ${answer.inputTokens ?? '?'} tokens in, ${answer.outputTokens ?? '?'} out` : '';
		this.log.info(`${label}: proposal of ${parsed.improved_prompt.length} characters in ${((Date.now() - started) / 1000).toFixed(1)} s${tokens}.`);
		const missing = missingPlaceholders(input.prompt, parsed.improved_prompt);
		const warnings = missing.length
			? [missing.length > 1
				? l10n.t('The proposal drops the template placeholders {0}; put them back before applying.', missing.join(', '))
				: l10n.t('The proposal drops the template placeholder {0}; put it back before applying.', missing.join(', '))]
			: [];
		return { ...parsed, author: label, warnings };
	}

	private budget(signal: AbortSignal): PromptBudget {
		const { model } = this;
		const count = model.countTokens?.bind(model);
		if (!count) return { ...charBudget(model.maxInputTokens), sharedWithOutput: model.sharedWithOutput };
		return { maxInputTokens: model.maxInputTokens, sharedWithOutput: model.sharedWithOutput, countTokens: (text) => count(text, signal) };
	}
}
