import assert from 'node:assert/strict';
import { test } from 'node:test';
import { frontMatterEnd, mayHaveFrontMatter } from '../../src/improve/core/frontMatter';

/** The text from where the prompt starts. */
const body = (text: string): string => text.slice(frontMatterEnd(text));

test('a .prompt.md file\'s front matter and the blank lines after it are not part of the prompt', () => {
	const text = '---\nmode: agent\ndescription: "Front desk"\ntools: [\'find_slots\']\n---\n\nYou are Maya.\nKeep calls short.\n';
	assert.equal(body(text), 'You are Maya.\nKeep calls short.\n');
});

test('a .prompty file: YAML front matter with nested keys, then the template', () => {
	const text = [
		'---',
		'name: Front desk',
		'model:',
		'  api: chat',
		'  parameters:',
		'    max_tokens: 400',
		'sample:',
		'  question: "Can I come in today?"',
		'---',
		'system:',
		'You are Maya. Keep calls short.',
		'',
		'user:',
		'{{question}}',
	].join('\r\n');
	assert.equal(body(text), 'system:\r\nYou are Maya. Keep calls short.\r\n\r\nuser:\r\n{{question}}');
});

test('front matter closed by "..." and a byte order mark before it', () => {
	assert.equal(body('\uFEFF---\ntitle: x\n...\nPrompt.'), 'Prompt.');
});

test('no front matter: the whole text is the prompt', () => {
	for (const text of [
		'You are Maya.\n---\nKeep calls short.\n',
		'---\ntitle: never closed\nYou are Maya.\n',
		' ---\ntitle: x\n---\nIndented opening.\n',
		'----\ntitle: x\n----\nA rule of four dashes.\n',
		'',
	]) {
		assert.equal(frontMatterEnd(text), 0, JSON.stringify(text));
	}
});

test('a closing line must be exactly three dashes: "--- x" and "----" inside do not close it', () => {
	const text = '---\na: 1\n--- x\n----\n---\nPrompt.\n';
	assert.equal(body(text), 'Prompt.\n');
});

test('an empty front matter and a file that is only front matter', () => {
	assert.equal(body('---\n---\nPrompt.'), 'Prompt.');
	const only = '---\ntitle: x\n---\n\n';
	assert.equal(frontMatterEnd(only), only.length);
});

test('which documents are prompt files with front matter', () => {
	assert.ok(mayHaveFrontMatter('prompt', '/w/.github/prompts/book.prompt.md'));
	assert.ok(mayHaveFrontMatter('plaintext', '/w/front-desk.prompty'));
	assert.ok(mayHaveFrontMatter('prompty', '/w/front-desk.prompty'));
	assert.ok(mayHaveFrontMatter('markdown', '/w/notes'));
	assert.ok(mayHaveFrontMatter('plaintext', '/w/README.MD'));
	assert.equal(mayHaveFrontMatter('plaintext', '/w/prompt.txt'), false);
	assert.equal(mayHaveFrontMatter('yaml', '/w/agent.yaml'), false);
});
