import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';

const root = path.resolve(__dirname, '..', '..', '..');

function sourceFiles(dir: string): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) return sourceFiles(full);
		return entry.name.endsWith('.ts') ? [full] : [];
	});
}

/** The top-level arguments of the call whose `(` is at `open`, as source text (strings and nesting respected). */
function callArguments(text: string, open: number): string[] {
	const args: string[] = [];
	let depth = 0;
	let start = open + 1;
	for (let i = open; i < text.length; i++) {
		const c = text[i];
		if (c === "'" || c === '"' || c === '`') {
			// Skips the literal (a template's `${…}` holds no quote of the same kind in this code base).
			for (i++; i < text.length && text[i] !== c; i++) if (text[i] === '\\') i++;
		} else if (c === '(' || c === '[' || c === '{') {
			depth++;
		} else if (c === ')' || c === ']' || c === '}') {
			depth--;
			if (depth === 0) {
				args.push(text.slice(start, i));
				return args.map((a) => a.trim()).filter((a) => a !== '');
			}
		} else if (c === ',' && depth === 1) {
			args.push(text.slice(start, i));
			start = i + 1;
		}
	}
	return args;
}

test('every text and button of a notification is translated: no bare string or template literal reaches ui.message, notify, confirm or showMessage', () => {
	const untranslated: string[] = [];
	for (const file of sourceFiles(path.join(root, 'src'))) {
		const text = fs.readFileSync(file, 'utf8');
		for (const call of text.matchAll(/\b(?:ui|window)\.(message|notify|confirm|showMessage)\(/g)) {
			const args = callArguments(text, call.index + call[0].length - 1);
			// The first argument of message, notify and showMessage is the severity, not text.
			const shown = call[1] === 'confirm' ? args : args.slice(1);
			for (const arg of shown) {
				if (/^['"`]/.test(arg)) untranslated.push(`${path.relative(root, file)}:${text.slice(0, call.index).split('\n').length}: ${arg}`);
			}
		}
	}
	assert.deepEqual(untranslated, []);
});
