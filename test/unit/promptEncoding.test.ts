import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkApplied } from '../../src/improve/core/applyCheck';
import { detectEncoding, isRefusal } from '../../src/improve/core/promptEncoding';
import type { PromptPlace } from '../../src/improve/core/promptPlace';
import { textForFile } from '../../src/improve/core/textForFile';
import type { PromptEncoding } from '../../src/core/encodingTypes';

/** Splits a file at the «» markers into the place of a selection. */
function place(languageId: string, file: string): PromptPlace {
	const start = file.indexOf('«');
	const end = file.indexOf('»');
	return { languageId, before: file.slice(0, start), selected: file.slice(start + 1, end), after: file.slice(end + 1) };
}

function detected(p: PromptPlace): PromptEncoding {
	const encoding = detectEncoding(p);
	assert.ok(!isRefusal(encoding), `refused: ${isRefusal(encoding) ? encoding.reason : ''}`);
	return encoding;
}

/**
 * Decodes, lets `edit` change the text, writes it back in place as Apply does (the last line of defence included)
 * and returns the whole new file.
 */
function roundTrip(languageId: string, file: string, edit: (text: string) => string, eol: '\n' | '\r\n' = '\n'): { decoded: string; file: string; expected: string } {
	const p = place(languageId, file);
	const encoding = detected(p);
	const decoded = encoding.decode(p.selected);
	const forFile = textForFile(edit(decoded), decoded, encoding, eol, p.selected);
	assert.ok(forFile.ok, forFile.ok ? '' : forFile.reason);
	const before = forFile.before ? p.before.slice(0, -forFile.before.original.length) + forFile.before.replacement : p.before;
	const written = before + forFile.text + p.after;
	const check = checkApplied(written, languageId, { start: before.length, end: before.length + forFile.text.length }, forFile.expected);
	assert.ok(check.ok, check.ok ? '' : check.reason);
	return { decoded, file: written, expected: forFile.expected };
}

test('the inside of a JSON string is reviewed as plain text and written back escaped', () => {
	const file = '{\n  "systemPrompt": "«You are Tony\'s Pizza.\\nSay \\"hi\\".»",\n  "x": 1\n}\n';
	const { decoded, file: written } = roundTrip('json', file, (t) => `${t}\n\n## Rules\n- Confirm the "total" first.`);
	assert.equal(decoded, 'You are Tony\'s Pizza.\nSay "hi".');
	assert.equal(JSON.parse(written).systemPrompt, 'You are Tony\'s Pizza.\nSay "hi".\n\n## Rules\n- Confirm the "total" first.');
	assert.equal(JSON.parse(written).x, 1);
});

test('a whole JSON string literal, quotes included, keeps its quotes', () => {
	const file = '{"p": «"a\\nb"»}';
	const { decoded, file: written } = roundTrip('jsonc', file, (t) => `${t}\nc`);
	assert.equal(decoded, 'a\nb');
	assert.deepEqual(JSON.parse(written), { p: 'a\nb\nc' });
});

test('a JSON selection that is not inside one string is refused, not taken as plain text', () => {
	assert.equal(detectEncoding(place('json', '{«"a": 1»}')).kind, 'refused');
	assert.equal(detectEncoding(place('json', '{"a": "«x\ny»"}')).kind, 'refused');
});

test('an indented YAML block loses its indentation for review and gets it back', () => {
	const file = 'system_prompt: |\n«  You are the after-hours line.\n\n  Speak slowly.\n»end: true\n';
	const { decoded, file: written } = roundTrip('yaml', file, (t) => `${t}\n## Rules\n- Call 911 for chest pain.\n`);
	assert.equal(decoded, 'You are the after-hours line.\n\nSpeak slowly.\n');
	assert.equal(written, 'system_prompt: |\n  You are the after-hours line.\n\n  Speak slowly.\n\n  ## Rules\n  - Call 911 for chest pain.\nend: true\n');
});

test('a YAML selection starting after the indentation keeps the first line as it was', () => {
	const file = 'p: |\n  «first\n  second»\n';
	const { decoded, file: written } = roundTrip('yaml', file, (t) => `${t}\nthird`);
	assert.equal(decoded, 'first\nsecond');
	assert.equal(written, 'p: |\n  first\n  second\n  third\n');
});

test('YAML keeps CRLF line endings', () => {
	const file = 'p: |\r\n«    a\r\n    b\r\n»';
	const { file: written } = roundTrip('yaml', file, (t) => `${t}c\r\n`, '\r\n');
	assert.equal(written, 'p: |\r\n    a\r\n    b\r\n    c\r\n');
});

test('inside a TypeScript template literal, backticks, ${ and backslashes are escaped on the way back', () => {
	const file = 'export const P = `«Say \\`hello\\`.\nKeep calls short.»`;\n';
	const { decoded, file: written } = roundTrip('typescript', file, (t) => `${t}\nNever print \${name} or use \`code\` or C:\\path.`);
	assert.equal(decoded, 'Say `hello`.\nKeep calls short.');
	const P = new Function(`${written.replace('export ', '')}; return P;`)() as string;
	assert.equal(P, 'Say `hello`.\nKeep calls short.\nNever print ${name} or use `code` or C:\\path.');
});

test('a double-quoted TypeScript string is handled like a JSON string', () => {
	const file = 'const p = "«Hello\\nthere»";';
	const { decoded, file: written } = roundTrip('typescript', file, (t) => `${t}\nfriend`);
	assert.equal(decoded, 'Hello\nthere');
	assert.equal(written, 'const p = "Hello\\nthere\\nfriend";');
});

test('Markdown and text are plain', () => {
	for (const language of ['markdown', 'plaintext']) assert.equal(detectEncoding(place(language, '«  indented\n  text»')).kind, 'plain');
});
