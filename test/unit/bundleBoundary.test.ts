import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';

// The split between dist/extension.js (loaded at activation) and dist/improve.js (loaded on the first improvement;
// see src/improve/improveBundle.ts and esbuild.js), read from the esbuild metafiles that `node esbuild.js` writes to out/.
const root = path.resolve(__dirname, '..', '..', '..');
function inputs(metafile: string): Set<string> {
	const meta = JSON.parse(fs.readFileSync(path.join(root, 'out', metafile), 'utf8')) as { outputs: Record<string, { entryPoint?: string; inputs: Record<string, unknown> }> };
	const output = Object.values(meta.outputs).find((o) => o.entryPoint);
	assert.ok(output, `${metafile} names an entry point`);
	// A package's path starts at node_modules/, wherever that folder is (a worktree may link to another one).
	return new Set(Object.keys(output.inputs).map((input) => input.replace(/^(?:\.\.\/)+[^/]+\/(?=node_modules\/)/, '')));
}
const main = inputs('extension.meta.json');
const improve = inputs('improve.meta.json');

/** Modules both files may hold: stateless helpers, whose second copy costs bytes but never behaviour. */
const MAY_BE_IN_BOTH = new Set([
	'src/constants.ts',
	'src/core/cancellation.ts',
	'src/core/eol.ts',
	'src/core/errorMessage.ts',
	'src/core/history.ts',
	'src/core/quickInputIds.ts',
	// BACK is compared by its shape (isBack), not its identity, so each bundle's copy means the same.
	'src/core/quickInputStep.ts',
	'src/core/redact.ts',
	'src/vscode/background.ts',
	'src/vscode/documentEol.ts',
	'src/vscode/review/applyOrDiscardOffer.ts',
	'src/vscode/review/commandKeys.ts',
	'src/vscode/review/draftRefusal.ts',
]);

test('dist/extension.js holds nothing of src/improve/ and none of the packages the improve flow needs', () => {
	const eager = [...main].filter((f) => f.startsWith('src/improve/') || /node_modules\/(node-fetch|jsonc-parser|data-uri-to-buffer|@vscode\/l10n)\/|src\/nodeFetchShims\//.test(f));
	assert.deepEqual(eager, []);
	assert.ok(improve.has('src/improve/commands/improvePrompt.ts') && improve.has('node_modules/node-fetch/src/index.js'));
	// The agent-export CodeLens is in the main bundle, with only its cheap text check; the JSON parsing is lazy.
	assert.ok(main.has('src/core/agentExportHint.ts') && improve.has('src/improve/core/agentExport.ts'));
});

test('everything in dist/improve.js from outside src/improve/ is shared with dist/extension.js (no lazy-only module lives outside the folder)', () => {
	const outside = [...improve].filter((f) => f.startsWith('src/') && !f.startsWith('src/improve/') && !f.startsWith('src/nodeFetchShims/') && !main.has(f));
	assert.deepEqual(outside, []);
});

test('the two files share only stateless helpers (a class or a module with state would exist twice)', () => {
	const shared = [...main].filter((f) => improve.has(f) && !MAY_BE_IN_BOTH.has(f));
	assert.deepEqual(shared, []);
});
