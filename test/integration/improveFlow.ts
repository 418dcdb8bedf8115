import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands } from '../../src/constants';
import { activateExtension, activeDiffTab, openPromptFile, SAMPLE_PROMPT } from './support';

/** 1-based lines, inclusive, as `openPromptFile` selects them. */
export interface LineRange {
	from: number;
	to: number;
}

export interface PromptFileOptions {
	/** The lines selected before Improve; lines 3–6 (the sample's instructions) unless given. */
	select?: LineRange;
	/** The file name's ending, `.md` unless given. */
	extension?: string;
	/** Line endings the document gets before Improve. */
	eol?: vscode.EndOfLine;
}

/**
 * Opens `content` as a new prompt file with `options.select` selected and runs Improve Prompt from Runs… to its end,
 * the fake user answering its questions (by default run 5546, every failure in focus). Resolves the source editor,
 * whatever the flow ended in: a review, an error, a refusal.
 */
export async function improvePromptFile(content = SAMPLE_PROMPT, options: PromptFileOptions = {}): Promise<vscode.TextEditor> {
	return (await startImprove(content, options)).source;
}

/** What `openReview` opened: the source, the text that was selected in it, and the review diff with both sides. */
export interface OpenedReview {
	source: vscode.TextEditor;
	selected: string;
	tab: vscode.Tab;
	original: vscode.TextDocument;
	improved: vscode.TextDocument;
}

/** As `improvePromptFile`, and the flow must have ended in a review: its diff is the active tab and the review is open. */
export async function openReview(content = SAMPLE_PROMPT, options: PromptFileOptions = {}): Promise<OpenedReview> {
	const { source, selected } = await startImprove(content, options);
	const tab = activeDiffTab();
	assert.ok(tab, 'no review diff opened');
	const input = tab.input as vscode.TabInputTextDiff;
	const api = await activateExtension();
	assert.ok(api.reviews.openReviews.some((r) => r.improvedUri.toString() === input.modified.toString()), 'the active diff is not an open review');
	const [original, improved] = await Promise.all([vscode.workspace.openTextDocument(input.original), vscode.workspace.openTextDocument(input.modified)]);
	return { source, selected, tab, original, improved };
}

/** Opens `content` as a file with `extension`, selects from `from` to `to` (strings in the file), and improves it. */
export async function improveSelection(content: string, extension: string, from: string, to: string): Promise<vscode.TextEditor> {
	const source = await openPromptFile(content, undefined, extension);
	const start = content.indexOf(from);
	const end = content.indexOf(to, start) + to.length;
	assert.ok(start >= 0 && end >= to.length, 'the selection markers are not in the file');
	source.selection = new vscode.Selection(source.document.positionAt(start), source.document.positionAt(end));
	await vscode.commands.executeCommand(Commands.improvePrompt);
	return source;
}

async function startImprove(content: string, options: PromptFileOptions): Promise<{ source: vscode.TextEditor; selected: string }> {
	const source = await openPromptFile(content, options.select ?? { from: 3, to: 6 }, options.extension);
	const eol = options.eol;
	if (eol !== undefined) await source.edit((b) => b.setEndOfLine(eol));
	const selected = source.document.getText(source.selection);
	await vscode.commands.executeCommand(Commands.improvePrompt);
	return { source, selected };
}
