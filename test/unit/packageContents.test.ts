import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { test } from 'node:test';

// What `npm run package` (vsce) puts in the .vsix, asked of vsce itself: its file list (.vscodeignore applied) and its
// rewrite of README.md and CHANGELOG.md, whose relative links become absolute URLs into the repository.

interface PackagedMarkdown {
	contents: Buffer;
}
interface MarkdownProcessor {
	processFile(file: { path: string; localPath: string }): Promise<PackagedMarkdown>;
}
interface Vsce {
	listFiles(options: { cwd: string; packageManager: number }): Promise<string[]>;
}
interface VscePackage {
	ReadmeProcessor: new (manifest: unknown, options: Record<string, string>) => MarkdownProcessor;
	ChangelogProcessor: new (manifest: unknown, options: Record<string, string>) => MarkdownProcessor;
}
interface WalkthroughMedia {
	image?: string | Record<string, string>;
	markdown?: string;
	svg?: string;
}
interface Manifest {
	icon?: string;
	repository: { url: string };
	scripts: Record<string, string>;
	contributes: { walkthroughs?: { steps: { media: WalkthroughMedia }[] }[] };
}

const root = path.resolve(__dirname, '..', '..', '..');
// vsce is loaded at run time from node_modules, not bundled into the test.
const loadFromRepo = createRequire(path.join(root, 'package.json'));
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as Manifest;
const IMAGE = /\.(png|jpe?g|gif|svg|webp)$/i;
/** vsce's PackageManager.None: no `npm list` of the dependencies (the bundle carries them; .vscodeignore leaves node_modules out). */
const NO_DEPENDENCIES = 2;

/** The options of `npm run package` that change how vsce rewrites links. */
function packageLinkOptions(): Record<string, string> {
	const options: Record<string, string> = {};
	for (const m of manifest.scripts.package.matchAll(/--(baseContentUrl|baseImagesUrl|githubBranch)[ =](\S+)/g)) options[m[1]] = m[2];
	return options;
}

async function packagedMarkdown(file: string, processor: 'ReadmeProcessor' | 'ChangelogProcessor'): Promise<string> {
	const vscePackage = loadFromRepo('@vscode/vsce/out/package.js') as VscePackage;
	const rewritten = await new vscePackage[processor](manifest, packageLinkOptions()).processFile({ path: file, localPath: path.join(root, file) });
	return rewritten.contents.toString('utf8');
}

/** Image sources of Markdown `![..](src)` and `<img src>`; relative ones resolved against `file`'s folder. */
function imageSources(markdown: string, file: string): string[] {
	const sources = [...markdown.matchAll(/!\[[^\]]*\]\(\s*<?([^)\s>]+)/g), ...markdown.matchAll(/<img[^>]+src=["']([^"']+)["']/g)].map((m) => m[1]);
	return sources.map((src) => (/^\w+:/.test(src) ? src : path.posix.normalize(path.posix.join(path.posix.dirname(file), src))));
}

test('the package carries no image that nothing in it uses: the README shows its images from the repository\'s default branch', async () => {
	const vsce = loadFromRepo('@vscode/vsce') as Vsce;
	const files = (await vsce.listFiles({ cwd: root, packageManager: NO_DEPENDENCIES })).map((f) => f.replace(/\\/g, '/'));
	assert.ok(files.includes('package.json') && files.includes('dist/extension.js'), `vsce lists ${JSON.stringify(files)}`);

	const used = new Set<string>();
	if (manifest.icon) used.add(path.posix.normalize(manifest.icon));
	for (const step of (manifest.contributes.walkthroughs ?? []).flatMap((w) => w.steps)) {
		const image = step.media.image;
		for (const src of typeof image === 'string' ? [image] : Object.values(image ?? {})) used.add(path.posix.normalize(src));
		if (step.media.svg) used.add(path.posix.normalize(step.media.svg));
	}
	let readmeImages: string[] = [];
	for (const file of files.filter((f) => /\.md$/i.test(f))) {
		const markdown = /^readme\.md$/i.test(file)
			? await packagedMarkdown(file, 'ReadmeProcessor')
			: /^changelog\.md$/i.test(file)
				? await packagedMarkdown(file, 'ChangelogProcessor')
				: fs.readFileSync(path.join(root, file), 'utf8');
		const sources = imageSources(markdown, file);
		if (/^readme\.md$/i.test(file)) readmeImages = sources;
		for (const src of sources) used.add(src);
	}
	assert.deepEqual(files.filter((f) => IMAGE.test(f) && !used.has(f)), []);

	// A tag in the URL would break the page until that tag is pushed; HEAD is the default branch.
	assert.ok(readmeImages.length > 0, 'the packaged README shows no image');
	const prefix = `${manifest.repository.url.replace(/\.git$/, '')}/raw/HEAD/`;
	assert.deepEqual(readmeImages.filter((src) => !src.startsWith(prefix)), [], `every README image under ${prefix}`);
	assert.deepEqual(readmeImages.map((src) => src.slice(prefix.length)).filter((file) => !fs.existsSync(path.join(root, file))), [], 'README images missing from the repository');
});
