import * as l10n from '@vscode/l10n';
import { jsonType, lastAnswerObject } from './answerObject';
import { isObject } from './jsonObject';
import { summaryOf } from './modelAnswer';
import { ModelError } from './modelError';
import type { PromptEdit } from './promptEdits';

export interface EditsAnswer {
	edits: PromptEdit[];
	summary_of_changes: string;
}

/** More edits than this is not a targeted change: the answer is refused rather than searched edit by edit. */
export const MAX_EDITS = 500;

/** Reads one edit of an answer, or undefined when it is not `{find: text, replace: text}`. */
export function editOf(value: unknown): PromptEdit | undefined {
	if (!isObject(value) || typeof value.find !== 'string' || typeof value.replace !== 'string') return undefined;
	return { find: value.find, replace: value.replace };
}

/**
 * Reads a model's answer in the edit format: one JSON object `{"edits": [{"find", "replace"}, …], "summary_of_changes"}`,
 * bare, in a ```json fence or after brief reasoning (the last such object wins). Throws `ModelError('invalidResponse')`
 * for any other shape and `ModelError('truncated')` when the answer stops inside the object. Messages never quote
 * the answer. Whether each edit applies is not checked here (`applyEdits`).
 */
export function parseEditsAnswer(text: string): EditsAnswer {
	if (text.trim() === '') throw new ModelError('invalidResponse', l10n.t('The model returned an empty answer. Try again, or choose another model.'));
	const { found, truncated } = lastAnswerObject(text, 'edits');
	if (!found) {
		if (truncated) {
			throw new ModelError('truncated', l10n.t('The model\'s answer stops in the middle of its JSON object (it was cut off). Try again, use fewer runs, or choose a model with a larger output limit.'));
		}
		throw new ModelError('invalidResponse', l10n.t('The model did not answer with a JSON object holding edits and summary_of_changes (it may have declined the task; Show Log has its answer). Try again, or choose a more capable model.'));
	}
	const list = found.edits;
	if (!Array.isArray(list)) {
		throw new ModelError('invalidResponse', l10n.t('The model\'s answer has a non-list ({0}) edits. Try again, or choose another model.', jsonType(list)));
	}
	if (list.length > MAX_EDITS) {
		throw new ModelError('invalidResponse', l10n.t('The model\'s answer has {0} edits, more than the {1} the extension applies. Try again, or choose another model.', list.length, MAX_EDITS));
	}
	const edits: PromptEdit[] = [];
	for (const [i, item] of list.entries()) {
		const edit = editOf(item);
		if (!edit) {
			throw new ModelError('invalidResponse', l10n.t('Edit {0} of the model\'s answer is not an object with a text find and a text replace. Try again, or choose another model.', i + 1));
		}
		edits.push(edit);
	}
	return { edits, summary_of_changes: summaryOf(found) };
}
