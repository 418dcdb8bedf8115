import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { exportedNames, importCycles, importGraph } from '../support/importGraph';

// The source tree, read as it is (not the bundles): `npm test` fails on an import circle or a reach into the lazy half.
const root = path.resolve(__dirname, '..', '..', '..');
const graph = importGraph(root, 'src');
const LOADER = 'src/vscode/lazyImprove.ts';
const ENTRY = 'src/improve/improveBundle.ts';

test('no module of the extension imports itself through others, counting `import type` too', () => {
	const cycles = importCycles(graph, () => true);
	assert.deepEqual(cycles.map((c) => c.join(' → ')), []);
});

test('nothing outside src/improve/ imports from it, not even a type: only the lazy loader require()s its entry point', () => {
	const reaches = [...graph].flatMap(([file, edges]) =>
		file.startsWith('src/improve/') ? [] : edges.filter((e) => e.to.startsWith('src/improve/') && !(file === LOADER && e.runtime && e.to === ENTRY)).map((e) => `${file} → ${e.to}`),
	);
	assert.deepEqual(reaches, []);
	assert.ok(graph.get(LOADER)?.some((e) => e.runtime && e.to === ENTRY), `the loader require()s ${ENTRY}`);
});

test('the check sees a circle when there is one', () => {
	const made = new Map([
		['a.ts', [{ to: 'b.ts', runtime: true, names: [] }]],
		['b.ts', [{ to: 'c.ts', runtime: true, names: [] }, { to: 'a.ts', runtime: false, names: [] }]],
		['c.ts', [{ to: 'a.ts', runtime: true, names: [] }]],
	]);
	assert.deepEqual(importCycles(made, (e) => e.runtime), [['a.ts', 'b.ts', 'c.ts', 'a.ts']]);
	assert.equal(importCycles(made, () => true).length, 2);
});

test('every name a module of src/ exports is imported somewhere (an export nobody imports is dead code or should not be exported)', () => {
	const ENTRY_POINTS = new Set(['src/extension.ts:activate', 'src/extension.ts:deactivate', `${ENTRY}:connect`]);
	const imported = new Set<string>();
	for (const [, edges] of [...graph, ...importGraph(root, 'test')]) {
		for (const edge of edges) for (const name of edge.names === '*' ? ['*'] : edge.names) imported.add(`${edge.to}:${name}`);
	}
	const unused = [...exportedNames(root, 'src')].flatMap(([file, names]) => names.map((name) => `${file}:${name}`).filter((id) => !imported.has(id) && !imported.has(`${id.split(':')[0]}:*`) && !ENTRY_POINTS.has(id)));
	assert.deepEqual(unused, []);
});
