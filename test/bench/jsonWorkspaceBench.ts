import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { median } from './median';
import { HOOK_VSCODE, STUB_CONTEXT, STUB_VSCODE, stubNamesEnv } from './stubVscode';

/** A bench row, as `bench.ts` prints it. */
interface JsonWorkspaceRow {
	what: string;
	goal: string;
	values: number[];
	unit: 'ms';
	judge: 'median';
	limit?: number;
	note?: string;
}

/**
 * What opening a plain JSON file costs a window (`onLanguage:json` activates the extension): require() of the bundle,
 * activate(), then VS Code asking the agent-export CodeLens provider for the file's lenses, with the setting at its
 * default (on). In a fresh Node process each, with a stub `vscode` of every top-level name of the API (as the
 * activation row of bench.ts) whose `languages.registerCodeLensProvider` keeps the providers and whose
 * `workspace.getConfiguration` answers each setting's default. Prints one JSON line.
 */
const OPEN_JSON_FILE = `${STUB_VSCODE}
const providers = [];
vscode.languages = new Proxy({}, { get: (_t, p) => (p === 'registerCodeLensProvider' ? (selector, provider) => (providers.push({ selector, provider }), stub()) : stub()) });
const configuration = { get: (_key, fallback) => fallback, has: () => false, inspect: () => undefined, update: () => Promise.resolve() };
vscode.workspace = new Proxy({}, { get: (_t, p) => (p === 'getConfiguration' ? () => configuration : stub()) });
${HOOK_VSCODE}
const text = require('node:fs').readFileSync(process.env.JSON_FILE, 'utf8');
const document = {
	uri: { scheme: 'file', path: '/workspace/package.json', fsPath: '/workspace/package.json', toString: () => 'file:///workspace/package.json' },
	fileName: '/workspace/package.json', languageId: 'json', version: 1, lineCount: text.split('\\n').length,
	getText: () => text, positionAt: () => stub(), offsetAt: () => 0,
};
const t0 = performance.now();
const extension = require(process.argv[1]);
extension.activate(${STUB_CONTEXT});
const t1 = performance.now();
const forJson = providers.filter(({ selector }) => [].concat(selector).some((s) => s && s.language === 'json'));
if (forJson.length !== 1) throw new Error(forJson.length + ' CodeLens providers for JSON documents');
const lenses = forJson[0].provider.provideCodeLenses(document, stub());
const t2 = performance.now();
const again = [];
for (let i = 0; i < 200; i++) { const s = performance.now(); forJson[0].provider.provideCodeLenses(document, stub()); again.push(performance.now() - s); }
again.sort((a, b) => a - b);
const improveLoaded = Object.keys(require.cache).some((file) => path.basename(file) === 'improve.js');
console.log(JSON.stringify({ activate: t1 - t0, firstLenses: t2 - t1, laterLenses: again[100], lenses: Array.isArray(lenses) ? lenses.length : -1, improveLoaded }));
`;

interface Sample {
	activate: number;
	firstLenses: number;
	laterLenses: number;
	lenses: number;
	improveLoaded: boolean;
}

/** The row: a typical package.json (this repository's, which holds no agent prompt) opened in a window where the extension is not yet active. */
export function jsonWorkspaceRow(root: string): JsonWorkspaceRow {
	const file = path.join(root, 'dist', 'extension.js');
	const json = path.join(root, 'package.json');
	const names = stubNamesEnv(root);
	const samples: Sample[] = [];
	for (let i = 0; i < 21; i++) {
		const out = execFileSync(process.execPath, ['-e', OPEN_JSON_FILE, file], { encoding: 'utf8', env: { ...process.env, VSCODE_NAMES: names.VSCODE_NAMES, JSON_FILE: json } });
		samples.push(JSON.parse(out) as Sample);
	}
	const lensesFound = Math.max(...samples.map((s) => s.lenses));
	const loaded = samples.some((s) => s.improveLoaded);
	const kib = (fs.statSync(json).size / 1024).toFixed(1);
	return {
		what: `a plain JSON file opened (package.json, ${kib} KiB): require + activate() + the agent-export CodeLens provider on it, fresh Node, stub vscode`,
		goal: '≤ 5 ms median',
		values: samples.map((s) => s.activate + s.firstLenses),
		unit: 'ms',
		judge: 'median',
		limit: 5,
		note: `n=21; require + activate ${median(samples.map((s) => s.activate)).toFixed(2)} ms, first provideCodeLenses ${median(samples.map((s) => s.firstLenses)).toFixed(3)} ms, later ones ${(1000 * median(samples.map((s) => s.laterLenses))).toFixed(1)} µs; ${lensesFound} lenses; dist/improve.js ${loaded ? 'LOADED' : 'not loaded'}`,
	};
}
