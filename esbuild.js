// Bundles the extension into dist/ and every test, tool and benchmark entry point into out/.
// Type-checking is separate (`npm run check-types`); esbuild only strips types.
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

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

const common = {
	bundle: true,
	platform: 'node',
	format: 'cjs',
	target: 'node20',
	logLevel: 'warning',
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

const builds = [
	{
		...common,
		entryPoints: ['src/extension.ts'],
		outfile: 'dist/extension.js',
		external: ['vscode'],
		plugins: [yamlApart],
		minify: production,
		sourcemap: !production,
		sourcesContent: false,
	},
	{
		...common,
		entryPoints: { yaml: require.resolve('yaml') },
		outdir: 'dist/parsers',
		minify: true,
	},
	{
		...common,
		entryPoints: testEntryPoints(),
		outdir: 'out',
		outbase: '.',
		external: ['vscode', 'mocha', 'playwright-core', '@vscode/test-electron'],
		sourcemap: 'inline',
	},
];

async function main() {
	if (watch) {
		const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
		await Promise.all(contexts.map((c) => c.watch()));
		console.log('[watch] watching src/ and test/ …');
		return;
	}
	await Promise.all(builds.map((b) => esbuild.build(b)));
}

main().catch((err) => {
	console.error(err);
	process.exit(1);
});
