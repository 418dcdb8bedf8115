import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';

// The extension host cannot know a user's keys: in a remote window its platform is the remote machine's (a Mac user
// connected to Linux would be told "Ctrl"), and keys can be rebound. Hints name the command instead.
const root = path.resolve(__dirname, '..', '..', '..');
const KEY_NAME = /\b(Ctrl|Cmd|Alt|Strg)\b|[⌘⌥⌃]/;

function sourceFiles(dir: string): string[] {
	return fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
		const rel = `${dir}/${e.name}`;
		return e.isDirectory() ? sourceFiles(rel) : rel.endsWith('.ts') ? [rel] : [];
	});
}

/** A file's code without its comments (a comment may say why a key is what it is). */
function codeOf(file: string): string {
	return fs.readFileSync(path.join(root, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
}

test('no code in src reads process.platform or spells a key name: hints name the command', () => {
	const files = sourceFiles('src');
	assert.ok(files.length > 50);
	assert.deepEqual(files.filter((f) => codeOf(f).includes('process.platform')), [], 'files reading process.platform');
	assert.deepEqual(files.filter((f) => KEY_NAME.test(codeOf(f))).map((f) => `${f}: ${KEY_NAME.exec(codeOf(f))?.[0]}`), [], 'files spelling a key');
});

test('no message, in English or German, spells a key name', () => {
	const walkthroughs = fs.readdirSync(path.join(root, 'media', 'walkthrough')).filter((f) => f.endsWith('.md')).map((f) => `media/walkthrough/${f}`);
	for (const file of ['l10n/bundle.l10n.json', 'l10n/bundle.l10n.de.json', 'package.nls.json', 'package.nls.de.json', ...walkthroughs]) {
		const text = fs.readFileSync(path.join(root, file), 'utf8');
		const texts: string[] = file.endsWith('.json') ? Object.values(JSON.parse(text) as Record<string, string>) : [text];
		assert.deepEqual(texts.filter((t) => KEY_NAME.test(t)), [], file);
	}
});

test('the check finds a spelled key', () => {
	assert.ok(KEY_NAME.test('Keys: Ctrl+K Ctrl+Enter applies') && KEY_NAME.test('⌘K ⌘↩') && KEY_NAME.test("platform === 'darwin' ? 'Cmd' : 'Ctrl'"));
	assert.ok(!KEY_NAME.test('Cekura: Apply Improved Prompt') && !KEY_NAME.test('Alternative') && !KEY_NAME.test('Alte Version'));
});
