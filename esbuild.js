// Bundles the extension into dist/ and every test, tool and benchmark entry point into out/.
// Type-checking is separate (`npm run check-types`); esbuild only strips types. `--watch` rebuilds on change and runs
// `tsc --watch` beside it for type errors (`--no-check-types`: esbuild only, as the watch task of .vscode/tasks.json
// runs tsc as a task of its own); `--no-tests` builds the extension only (vscode:prepublish).
const esbuild = require('esbuild');
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const checkTypes = !process.argv.includes('--no-check-types');
const tests = !process.argv.includes('--no-tests');

/** Entry points under test/: unit and integration tests, harness scripts, the local server, the demo, benchmarks. */
function testEntryPoints() {
	const entries = [];
	const walk = (dir) => {
		for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
			const full = path.join(dir, entry.name);
			if (entry.isDirectory()) {
				if (entry.name !== 'fixtures') walk(full);
			} else if (/\.test\.ts$|\.itest\.ts$|(^|[\\/])(main|index|run-[\w-]+|demo|bench)\.ts$/.test(full)) {
				entries.push(full);
			}
		}
	};
	walk('test');
	return entries;
}

/**
 * node-fetch 3 ships polyfills for what Node 20 has built in: fetch-blob (Blob, File, and through it
 * web-streams-polyfill, 60 KiB), formdata-polyfill (FormData) and its own multipart parser. This plugin maps
 * each to Node's built-ins (src/nodeFetchShims/), and data-uri-to-buffer (for `data:` URLs, which the extension never
 * fetches) to a refusal, in the extension and in the tests alike, so the tests
 * exercise the node-fetch that ships. node-fetch itself stays: it goes through Node's http module, which
 * VS Code patches for its proxy settings and custom CAs.
 */
const nodeFetchOnNodeBuiltins = {
	name: 'node-fetch-on-node-builtins',
	setup(build) {
		const shim = (file) => ({ path: path.join(__dirname, 'src', 'nodeFetchShims', file) });
		const shims = {
			'fetch-blob': 'fetch-blob.mjs',
			'fetch-blob/index.js': 'fetch-blob.mjs',
			'fetch-blob/file.js': 'fetch-blob-file.mjs',
			'fetch-blob/from.js': 'fetch-blob-from.mjs',
			'formdata-polyfill/esm.min.js': 'formdata-polyfill.mjs',
			'data-uri-to-buffer': 'data-uri-to-buffer.mjs',
		};
		build.onResolve({ filter: /^(fetch-blob|formdata-polyfill|data-uri-to-buffer)(\/|$)/ }, (args) =>
			shims[args.path] ? shim(shims[args.path]) : { errors: [{ text: `no Node built-in mapped for ${args.path} (see esbuild.js)` }] },
		);
		build.onResolve({ filter: /[\\/]multipart-parser\.js$/ }, (args) =>
			/[\\/]node-fetch[\\/]/.test(args.importer) ? shim('multipart-parser.mjs') : undefined,
		);
	},
};

/**
 * VS Code hands an extension its API as one object of about 190 properties. For `import * as vscode from 'vscode'`
 * esbuild emits `__toESM(require("vscode"))`, which copies every one of them, at each of the ~50 files that import it,
 * when the bundle loads: 15–20 ms of activation. This plugin compiles that line as `import vscode = require('vscode')`
 * (a plain `require`, the object itself), so the source keeps the import every tool (and @vscode/l10n-dev's message
 * export) knows. Any other value import of 'vscode' fails the build, as it would bring the copying back.
 */
const vscodeAsObject = {
	name: 'vscode-as-object',
	setup(build) {
		build.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async (args) => {
			const source = await fs.promises.readFile(args.path, 'utf8');
			if (!source.includes("'vscode'")) return undefined;
			const contents = source.replace(/^import \* as vscode from 'vscode';$/m, "import vscode = require('vscode');");
			if (/^import (?!type )[^;]*from 'vscode';$/m.test(contents)) {
				return { errors: [{ text: `${path.relative(__dirname, args.path)}: import VS Code as \`import * as vscode from 'vscode'\` (or \`import type\`); see vscodeAsObject in esbuild.js` }] };
			}
			return { contents, loader: 'ts' };
		});
	},
};

const common = {
	bundle: true,
	platform: 'node',
	format: 'cjs',
	target: 'node20',
	logLevel: 'warning',
	plugins: [nodeFetchOnNodeBuiltins, vscodeAsObject],
};

/**
 * The `yaml` parser (about 115 KB minified) is needed only when a prompt in a YAML file is improved or applied: the
 * extension require()s it lazily from a file of its own, dist/parsers/yaml.js, so the main bundle stays small.
 */
const yamlApart = {
	name: 'yaml-apart',
	setup(build) {
		build.onResolve({ filter: /^yaml$/ }, () => ({ path: './parsers/yaml.js', external: true }));
	},
};

/**
 * Everything behind Improve Prompt from Runs… and Choose Improvement Engine… (src/improve/: pickers, engines,
 * clients, node-fetch, evidence, prompt encodings, jsonc-parser) is bundled into a file of its own, dist/improve.js,
 * which src/vscode/lazyImprove.ts require()s on first use; activation does not load it. The tests bundle it inline.
 */
const improveApart = {
	name: 'improve-apart',
	setup(build) {
		build.onResolve({ filter: /^\.\.\/improve\/improveBundle$/ }, (args) =>
			/[\\/]src[\\/]vscode[\\/]lazyImprove\.ts$/.test(args.importer) ? { path: './improve.js', external: true } : undefined,
		);
	},
};

/** The lines connor4312.esbuild-problem-matchers' `$esbuild-watch` reads: when a rebuild starts and ends, and its errors. */
const watchProblems = {
	name: 'watch-problems',
	setup(build) {
		build.onStart(() => console.log('[watch] build started'));
		build.onEnd((result) => {
			for (const { text, location } of result.errors) {
				console.error(`✘ [ERROR] ${text}`);
				if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
			}
			console.log('[watch] build finished');
		});
	},
};

const builds = [
	{
		...common,
		entryPoints: ['src/extension.ts'],
		outfile: 'dist/extension.js',
		external: ['vscode'],
		plugins: [nodeFetchOnNodeBuiltins, vscodeAsObject, yamlApart, improveApart],
		minify: production,
		sourcemap: !production,
		sourcesContent: false,
		// Bytes by input file, for `npm run bench`.
		metafile: true,
	},
	{
		...common,
		entryPoints: { improve: 'src/improve/improveBundle.ts' },
		outdir: 'dist',
		external: ['vscode'],
		plugins: [nodeFetchOnNodeBuiltins, vscodeAsObject, yamlApart],
		minify: production,
		sourcemap: !production,
		sourcesContent: false,
		metafile: true,
	},
	{
		...common,
		entryPoints: { yaml: require.resolve('yaml') },
		outdir: 'dist/parsers',
		minify: true,
	},
	tests && {
		...common,
		entryPoints: testEntryPoints(),
		outdir: 'out',
		outbase: '.',
		external: ['vscode', 'mocha', 'playwright-core', '@vscode/test-electron', 'typescript'],
		sourcemap: 'inline',
	},
].filter(Boolean);

async function main() {
	if (watch) {
		const contexts = await Promise.all(builds.map((b) => esbuild.context({ ...b, plugins: [...b.plugins, watchProblems] })));
		await Promise.all(contexts.map((c) => c.watch()));
		console.log('[watch] watching src/ and test/ …');
		if (checkTypes) {
			const tsc = path.join(__dirname, 'node_modules', 'typescript', 'bin', 'tsc');
			const child = spawn(process.execPath, [tsc, '--noEmit', '--watch', '--preserveWatchOutput', '-p', __dirname], { stdio: 'inherit' });
			for (const signal of ['SIGINT', 'SIGTERM']) {
				process.on(signal, () => {
					child.kill();
					process.exit(0);
				});
			}
		}
		return;
	}
	const [extension, improve] = await Promise.all(builds.map((b) => esbuild.build(b)));
	fs.mkdirSync('out', { recursive: true });
	fs.writeFileSync(path.join('out', 'extension.meta.json'), JSON.stringify(extension.metafile));
	fs.writeFileSync(path.join('out', 'improve.meta.json'), JSON.stringify(improve.metafile));
}

main().catch((err) => {
	console.error(err);
	process.exit(1);
});
