import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { Commands, ContextKeys, EditorTitleButton, Settings } from '../../src/constants';
import { improvedFiles } from '../../src/improve/core/improvedFiles';
import { evaluateWhen } from '../support/whenClause';

const root = path.resolve(__dirname, '..', '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
	contributes: { menus: Record<string, { command: string; when?: string }[]>; configuration: { properties: Record<string, { enum?: string[]; default?: unknown; enumItemLabels?: string[]; markdownEnumDescriptions?: string[] }> } };
};
const titleEntry = manifest.contributes.menus['editor/title'].find((e) => e.command === Commands.improvePrompt);
const SETTING = `config.${Settings.section}.${Settings.editorTitleButton}`;

/** The context of an editor showing `uri` (a file of the workspace unless said otherwise), as VS Code sets it. */
function editorOf(uri: string, languageId: string, more: Record<string, unknown> = {}): Record<string, unknown> {
	return { resource: uri, resourceScheme: uri.slice(0, uri.indexOf(':')), resourceFilename: uri.slice(uri.lastIndexOf('/') + 1), resourceLangId: languageId, isInDiffEditor: false, [SETTING]: EditorTitleButton.promptFiles, ...more };
}

const shows = (context: Record<string, unknown>): boolean => evaluateWhen(titleEntry?.when ?? '', context);

test('the ✨ title-bar button: on prompt files, not on every Markdown or plain-text file', () => {
	assert.ok(titleEntry);
	assert.equal(shows(editorOf('file:///w/notes.md', 'markdown')), false, 'a plain notes.md');
	assert.equal(shows(editorOf('file:///w/notes.txt', 'plaintext')), false, 'a plain notes.txt');
	assert.equal(shows(editorOf('file:///w/front-desk.prompt.md', 'markdown')), true, '.prompt.md without a prompt language');
	assert.equal(shows(editorOf('file:///w/front-desk.prompt.md', 'prompt')), true, '.prompt.md as the prompt language');
	assert.equal(shows(editorOf('file:///w/front-desk.prompty', 'plaintext')), true, '.prompty without the Prompty extension');
	assert.equal(shows(editorOf('file:///w/FRONT-DESK.PROMPTY', 'prompty')), true, '.prompty in capitals');
	assert.equal(shows(editorOf('file:///w/agent.ts', 'typescript')), false, 'a TypeScript file');
});

test('the ✨ title-bar button: on a file improved before (its URI in cekura.improvedFiles), whatever its language', () => {
	const improved = { [ContextKeys.improvedFiles]: ['file:///w/notes.md', 'file:///w/src/agent.ts'] };
	assert.equal(shows(editorOf('file:///w/notes.md', 'markdown', improved)), true);
	assert.equal(shows(editorOf('file:///w/src/agent.ts', 'typescript', improved)), true);
	assert.equal(shows(editorOf('file:///w/other.md', 'markdown', improved)), false);
	assert.equal(shows(editorOf('file:///w/notes.md', 'markdown', { [ContextKeys.improvedFiles]: [] })), false);
});

test('cekura.editorTitleButton = allMarkdownAndText: the button on every Markdown and plain-text file too, still not on other files nor a review\'s sides', () => {
	const all = { [SETTING]: EditorTitleButton.allMarkdownAndText };
	assert.equal(shows(editorOf('file:///w/notes.md', 'markdown')), false, 'by default');
	assert.equal(shows(editorOf('file:///w/notes.md', 'markdown', all)), true);
	assert.equal(shows(editorOf('file:///w/notes.txt', 'plaintext', all)), true);
	assert.equal(shows(editorOf('file:///w/agent.ts', 'typescript', all)), false);
	assert.equal(shows(editorOf('file:///w/notes.md', 'markdown', { ...all, isInDiffEditor: true })), false);
	assert.equal(shows(editorOf('cekura-review:/review-1/improved/notes.md', 'markdown', all)), false);
	assert.equal(shows(editorOf('cekura-original:/review-1/original/notes.md', 'markdown', all)), false);
});

test('cekura.editorTitleButton: the values of EditorTitleButton, prompt files by default, each with a label and a description', () => {
	const setting = manifest.contributes.configuration.properties[`${Settings.section}.${Settings.editorTitleButton}`];
	assert.deepEqual(setting.enum, Object.values(EditorTitleButton));
	assert.equal(setting.default, EditorTitleButton.promptFiles);
	assert.equal(setting.enumItemLabels?.length, setting.enum.length);
	assert.equal(setting.markdownEnumDescriptions?.length, setting.enum.length);
});

test('the files improved before: each file with a proposal in the history, newest first, once; no untitled document', () => {
	const entry = (uri: string): { source: { uri: string; name: string; startLine: number; endLine: number; start: number; end: number } } => ({ source: { uri, name: '', startLine: 1, endLine: 1, start: 0, end: 0 } });
	assert.deepEqual(improvedFiles([entry('file:///w/b.md'), entry('untitled:Untitled-1'), entry('file:///w/a.json'), entry('file:///w/b.md')]), ['file:///w/b.md', 'file:///w/a.json']);
	assert.deepEqual(improvedFiles([]), []);
});
