import * as l10n from '@vscode/l10n';
import { jsonType, lastAnswerObject } from './answerObject';
import { ModelError } from './modelError';

export interface ModelAnswer {
	improved_prompt: string;
	summary_of_changes: string;
}

/**
 * Reads the model's answer: one JSON object `{"improved_prompt", "summary_of_changes"}`, bare, in a ```json fence,
 * or after some reasoning (the last such object wins). Throws `ModelError('invalidResponse')` for anything else and
 * `ModelError('truncated')` when the answer stops inside the object. Messages never quote the answer.
 */
export function parseModelAnswer(text: string): ModelAnswer {
	if (text.trim() === '') throw new ModelError('invalidResponse', l10n.t('The model returned an empty answer. Try again, or choose another model.'));
	const { found, truncated } = lastAnswerObject(text, 'improved_prompt');
	if (!found) {
		if (truncated) {
			throw new ModelError('truncated', l10n.t('The model\'s answer stops in the middle of its JSON object (it was cut off). Try again, use fewer runs, or choose a model with a larger output limit.'));
		}
		throw new ModelError('invalidResponse', l10n.t('The model did not answer with a JSON object holding improved_prompt and summary_of_changes (it may have declined the task; Show Log has its answer). Try again, or choose a more capable model.'));
	}
	if (typeof found.improved_prompt !== 'string' || found.improved_prompt.trim() === '') {
		throw new ModelError('invalidResponse', typeof found.improved_prompt === 'string'
			? l10n.t('The model\'s answer has an empty improved_prompt. Try again, or choose another model.')
			: l10n.t('The model\'s answer has a non-text ({0}) improved_prompt. Try again, or choose another model.', jsonType(found.improved_prompt)));
	}
	return { improved_prompt: found.improved_prompt, summary_of_changes: summaryOf(found) };
}

/** The answer's summary_of_changes; throws `ModelError('invalidResponse')` when it is missing or not text. */
export function summaryOf(found: Record<string, unknown>): string {
	if (typeof found.summary_of_changes !== 'string') {
		throw new ModelError('invalidResponse', found.summary_of_changes === undefined
			? l10n.t('The model\'s answer has no summary_of_changes. Try again, or choose another model.')
			: l10n.t('The model\'s answer has a non-text ({0}) summary_of_changes. Try again, or choose another model.', jsonType(found.summary_of_changes)));
	}
	return found.summary_of_changes;
}
