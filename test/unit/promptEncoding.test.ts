import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectEncoding } from '../../src/improve/core/promptEncoding';
import { appliedMarked, markedPlace } from '../support/markedApply';

test('the inside of a JSON string is reviewed as plain text and written back escaped', () => {
	const file = '{\n  "systemPrompt": "«You are Tony\'s Pizza.\\nSay \\"hi\\".»",\n  "x": 1\n}\n';
	const { decoded, file: written } = appliedMarked('json', file, (t) => `${t}\n\n## Rules\n- Confirm the "total" first.`);
	assert.equal(decoded, 'You are Tony\'s Pizza.\nSay "hi".');
	assert.equal(JSON.parse(written).systemPrompt, 'You are Tony\'s Pizza.\nSay "hi".\n\n## Rules\n- Confirm the "total" first.');
	assert.equal(JSON.parse(written).x, 1);
});

test('a whole JSON string literal, quotes included, keeps its quotes', () => {
	const file = '{"p": «"a\\nb"»}';
	const { decoded, file: written } = appliedMarked('jsonc', file, (t) => `${t}\nc`);
	assert.equal(decoded, 'a\nb');
	assert.deepEqual(JSON.parse(written), { p: 'a\nb\nc' });
});

test('a JSON selection that is not inside one string is refused, not taken as plain text', () => {
	assert.equal(detectEncoding(markedPlace('json', '{«"a": 1»}')).kind, 'refused');
	assert.equal(detectEncoding(markedPlace('json', '{"a": "«x\ny»"}')).kind, 'refused');
});

test('an indented YAML block loses its indentation for review and gets it back', () => {
	const file = 'system_prompt: |\n«  You are the after-hours line.\n\n  Speak slowly.\n»end: true\n';
	const { decoded, file: written } = appliedMarked('yaml', file, (t) => `${t}\n## Rules\n- Call 911 for chest pain.\n`);
	assert.equal(decoded, 'You are the after-hours line.\n\nSpeak slowly.\n');
	assert.equal(written, 'system_prompt: |\n  You are the after-hours line.\n\n  Speak slowly.\n\n  ## Rules\n  - Call 911 for chest pain.\nend: true\n');
});

test('a YAML selection starting after the indentation keeps the first line as it was', () => {
	const file = 'p: |\n  «first\n  second»\n';
	const { decoded, file: written } = appliedMarked('yaml', file, (t) => `${t}\nthird`);
	assert.equal(decoded, 'first\nsecond');
	assert.equal(written, 'p: |\n  first\n  second\n  third\n');
});

test('YAML keeps CRLF line endings', () => {
	const file = 'p: |\r\n«    a\r\n    b\r\n»';
	const { file: written } = appliedMarked('yaml', file, (t) => `${t}c\r\n`, '\r\n');
	assert.equal(written, 'p: |\r\n    a\r\n    b\r\n    c\r\n');
});

test('inside a TypeScript template literal, backticks, ${ and backslashes are escaped on the way back', () => {
	const file = 'export const P = `«Say \\`hello\\`.\nKeep calls short.»`;\n';
	const { decoded, file: written } = appliedMarked('typescript', file, (t) => `${t}\nNever print \${name} or use \`code\` or C:\\path.`);
	assert.equal(decoded, 'Say `hello`.\nKeep calls short.');
	const P = new Function(`${written.replace('export ', '')}; return P;`)() as string;
	assert.equal(P, 'Say `hello`.\nKeep calls short.\nNever print ${name} or use `code` or C:\\path.');
});

test('a double-quoted TypeScript string is handled like a JSON string', () => {
	const file = 'const p = "«Hello\\nthere»";';
	const { decoded, file: written } = appliedMarked('typescript', file, (t) => `${t}\nfriend`);
	assert.equal(decoded, 'Hello\nthere');
	assert.equal(written, 'const p = "Hello\\nthere\\nfriend";');
});

test('Markdown and text are plain', () => {
	for (const language of ['markdown', 'plaintext']) assert.equal(detectEncoding(markedPlace(language, '«  indented\n  text»')).kind, 'plain');
});
