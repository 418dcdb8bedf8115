import type { PromptEdit } from '../../src/improve/core/promptEdits';
import { editsOfChange } from './editsOfChange';
import type { ImproveResult } from './improver';

/** The local model server's modes that spoil the first answer's edits (`…-twice`: the second answer too). */
export const SPOILED_EDIT_MODES = ['edit-not-found', 'edit-not-found-twice', 'edit-ambiguous', 'edit-ambiguous-twice', 'edits-overlap', 'edits-overlap-twice'] as const;
export type SpoiledEditMode = (typeof SPOILED_EDIT_MODES)[number];

export interface EditsResult {
	edits: PromptEdit[];
	summary_of_changes: string;
}

export const NOT_FOUND_SUFFIX = ' (as the model misremembered it)';

/** A short text that occurs at least twice in the prompt (so a find of it is ambiguous). */
function repeated(prompt: string): string {
	return ['\n', '. ', ' ', 'e'].find((s) => prompt.indexOf(s) !== prompt.lastIndexOf(s)) ?? prompt;
}

function spoiled(mode: SpoiledEditMode, good: PromptEdit, prompt: string): PromptEdit {
	if (mode.startsWith('edit-not-found')) return { find: good.find + NOT_FOUND_SUFFIX, replace: good.replace };
	if (mode.startsWith('edit-ambiguous')) return { find: repeated(prompt), replace: good.replace };
	return { find: good.find, replace: `${good.replace} (a second, overlapping change)` };
}

/**
 * The local improver's proposal as a model answering with edits would write it (`editsOfChange`). In a spoiling
 * mode the first answer has one bad edit (its first one not found or ambiguous, or one more edit overlapping the
 * first); a second request (`retry`) is answered with the correction, or with the bad edit again in a `…-twice` mode.
 */
export function editsAnswer(prompt: string, improved: ImproveResult, mode: string, retry: boolean): EditsResult {
	const good = editsOfChange(prompt, improved.improved_prompt);
	const spoiling = (SPOILED_EDIT_MODES as readonly string[]).includes(mode) ? (mode as SpoiledEditMode) : undefined;
	if (!spoiling || good.length === 0) return { edits: retry ? [] : good, summary_of_changes: improved.summary_of_changes };
	const bad = spoiled(spoiling, good[0], prompt);
	const overlap = spoiling.startsWith('edits-overlap');
	if (!retry) return { edits: overlap ? [...good, bad] : [bad, ...good.slice(1)], summary_of_changes: improved.summary_of_changes };
	if (spoiling.endsWith('-twice')) return { edits: [bad], summary_of_changes: 'Corrected the edit.' };
	return { edits: overlap ? [] : [good[0]], summary_of_changes: overlap ? 'Dropped the overlapping edit.' : 'Corrected the edit.' };
}

/** Where each edit's object ends in the answer text, for pauses between them while streaming. */
export function editEnds(content: string, edits: readonly PromptEdit[]): number[] {
	const ends: number[] = [];
	let from = 0;
	for (const edit of edits) {
		const at = content.indexOf(`"replace": ${JSON.stringify(edit.replace)}`, from);
		if (at < 0) break;
		from = content.indexOf('}', at + JSON.stringify(edit.replace).length) + 1;
		if (from <= 0) break;
		ends.push(from);
	}
	return ends;
}
