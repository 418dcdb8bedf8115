import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';

const root = path.resolve(__dirname, '..', '..', '..');
const readJson = (...parts: string[]): unknown => JSON.parse(fs.readFileSync(path.join(root, ...parts), 'utf8'));
const stringsOf = (value: unknown): Record<string, string> => {
	assert.ok(value && typeof value === 'object' && !Array.isArray(value), 'not a JSON object');
	const entries = Object.entries(value);
	for (const [key, text] of entries) assert.equal(typeof text, 'string', `${key} is not a string`);
	return Object.fromEntries(entries) as Record<string, string>;
};

/** Every `%key%` that a string anywhere in package.json is made of. */
function manifestKeys(): string[] {
	const keys = new Set<string>();
	const visit = (value: unknown): void => {
		if (typeof value === 'string') {
			const m = /^%([^%\s]+)%$/.exec(value);
			if (m) keys.add(m[1]);
		} else if (Array.isArray(value)) value.forEach(visit);
		else if (value && typeof value === 'object') Object.values(value).forEach(visit);
	};
	visit(readJson('package.json'));
	return [...keys].sort();
}

/** `{0}`, `{1}` … in a message, sorted, so that a translation is checked for using exactly the same values. */
const placeholders = (message: string): string[] => [...new Set(message.match(/\{\d+\}/g) ?? [])].sort();

test('every user-facing manifest string is a %key%', () => {
	const manifest = readJson('package.json') as {
		displayName: string; description: string;
		contributes: {
			commands: { title: string; category: string }[];
			configuration: { title: string; properties: Record<string, Record<string, unknown>> };
			walkthroughs: { title: string; description: string; steps: { title: string; description: string }[] }[];
		};
	};
	const shown: unknown[] = [manifest.displayName, manifest.description, manifest.contributes.configuration.title];
	for (const c of manifest.contributes.commands) shown.push(c.title, c.category);
	for (const setting of Object.values(manifest.contributes.configuration.properties)) {
		for (const field of ['description', 'markdownDescription', 'enumDescriptions', 'markdownEnumDescriptions', 'enumItemLabels', 'deprecationMessage', 'markdownDeprecationMessage']) {
			const value = setting[field];
			if (value !== undefined) shown.push(...(Array.isArray(value) ? value : [value]));
		}
	}
	for (const w of manifest.contributes.walkthroughs) {
		shown.push(w.title, w.description);
		for (const s of w.steps) shown.push(s.title, s.description);
	}
	const literal = shown.filter((s) => typeof s !== 'string' || !/^%[^%\s]+%$/.test(s));
	assert.deepEqual(literal, [], 'manifest strings that are not %key%');
});

for (const file of ['package.nls.json', 'package.nls.de.json']) {
	test(`${file} has exactly the manifest's %keys%`, () => {
		assert.deepEqual(Object.keys(stringsOf(readJson(file))).sort(), manifestKeys());
	});
}

test('package.nls.de.json keeps the English text\'s command links and code', () => {
	const en = stringsOf(readJson('package.nls.json'));
	const de = stringsOf(readJson('package.nls.de.json'));
	const kept = (s: string): string[] => [...(s.match(/\(command:[^)]+\)|`[^`]+`|#[\w.]+#/g) ?? [])].sort();
	for (const key of Object.keys(en)) assert.deepEqual(kept(de[key] ?? ''), kept(en[key]), key);
});

test('l10n/bundle.l10n.json is what @vscode/l10n-dev exports from src/ now (run `npm run l10n` after changing a message)', () => {
	const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cekura-l10n-'));
	try {
		const cli = path.join(root, 'node_modules', '@vscode', 'l10n-dev', 'dist', 'cli.js');
		const run = spawnSync(process.execPath, [cli, 'export', '--outDir', outDir, path.join(root, 'src')], { encoding: 'utf8' });
		assert.equal(run.status, 0, `l10n-dev export failed: ${run.stderr}`);
		const exported = stringsOf(readJson(path.relative(root, path.join(outDir, 'bundle.l10n.json'))));
		const committed = stringsOf(readJson('l10n', 'bundle.l10n.json'));
		assert.deepEqual(Object.keys(committed).sort(), Object.keys(exported).sort());
		assert.ok(Object.keys(exported).length > 100, `only ${Object.keys(exported).length} messages found in src/`);
	} finally {
		fs.rmSync(outDir, { recursive: true, force: true });
	}
});

test('l10n/bundle.l10n.de.json translates every message with the same {n} placeholders, and nothing else', () => {
	const en = stringsOf(readJson('l10n', 'bundle.l10n.json'));
	const de = stringsOf(readJson('l10n', 'bundle.l10n.de.json'));
	assert.deepEqual(Object.keys(de).sort(), Object.keys(en).sort());
	for (const [key, message] of Object.entries(en)) {
		assert.deepEqual(placeholders(de[key]), placeholders(message), key);
		assert.ok(de[key].trim() !== '', `${key} is empty`);
	}
});
