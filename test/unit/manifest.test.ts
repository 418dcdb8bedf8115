import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { parse as parseJsonc } from 'jsonc-parser/lib/esm/main.js'; // the ES module build, as in src/improve/core/promptEncoding.ts
import { Commands, ContextKeys, EXTENSION_ID, Settings } from '../../src/constants';
import { AGENT_EXPORT_LANGUAGES } from '../../src/core/agentExportHint';
import { SETTING_BASE_URL, SETTING_MODEL } from '../../src/improve/core/modelServerSettings';
import { REQUEST_TIMEOUT_SECONDS } from '../../src/improve/core/requestTimeout';
import { evaluateWhen } from '../support/whenClause';

interface Manifest {
	name: string;
	publisher: string;
	contributes: {
		commands: { command: string; title: string }[];
		menus: Record<string, { command: string; when?: string }[]>;
		keybindings: { command: string; when?: string }[];
		configuration: { properties: Record<string, unknown> };
	};
}

const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as Manifest;
const commandIds = new Set<string>(Object.values(Commands));

test('the extension id is the manifest\'s publisher.name', () => {
	assert.equal(EXTENSION_ID, `${manifest.publisher}.${manifest.name}`);
});

test('the extension prefers the machine of the window (a model server on the laptop stays reachable from a remote window), and runs beside the workspace where it cannot', () => {
	assert.deepEqual((manifest as unknown as { extensionKind?: string[] }).extensionKind, ['ui', 'workspace']);
});

test('no source reads the file system or starts processes directly: files go through VS Code, wherever the extension runs', () => {
	const offenders: string[] = [];
	const walk = (dir: string): void => {
		for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
			const file = path.join(dir, entry.name);
			// node-fetch's own file helpers (fileFrom…), which the extension never calls.
			if (entry.isDirectory()) { if (entry.name !== 'nodeFetchShims') walk(file); }
			else if (/\.(ts|mjs)$/.test(entry.name) && /from '(node:)?(fs|fs\/promises|child_process|os)'|require\('(node:)?(fs|child_process)'\)/.test(fs.readFileSync(file, 'utf8'))) offenders.push(file);
		}
	};
	walk(path.resolve(__dirname, '..', '..', '..', 'src'));
	assert.deepEqual(offenders, []);
});

test('the manifest declares exactly the commands in Commands', () => {
	assert.deepEqual(manifest.contributes.commands.map((c) => c.command).sort(), [...commandIds].sort());
});

test('every menu entry and keybinding names a declared command', () => {
	const used = [...Object.values(manifest.contributes.menus).flat(), ...manifest.contributes.keybindings].map((e) => e.command);
	assert.ok(used.length > 0);
	assert.deepEqual(used.filter((id) => !commandIds.has(id)), []);
});

test('context keys used in when clauses are the ones in ContextKeys', () => {
	const clauses = [...Object.values(manifest.contributes.menus).flat(), ...manifest.contributes.keybindings].map((e) => e.when ?? '');
	// `config.cekura.…` names a setting, not a context key.
	const cekuraKeys = new Set(clauses.flatMap((w) => w.match(/(?<!config\.)\bcekura\.[\w.]+/g) ?? []));
	const known = new Set<string>(Object.values(ContextKeys));
	assert.deepEqual([...cekuraKeys].filter((k) => !known.has(k) && !k.startsWith('config.')), []);
});

test('the manifest declares exactly the settings in Settings', () => {
	const declared = Object.keys(manifest.contributes.configuration.properties).sort();
	const constants = Object.entries(Settings)
		.filter(([name]) => name !== 'section')
		.map(([, key]) => `${Settings.section}.${key}`)
		.sort();
	assert.deepEqual(declared, constants);
});

test('the setting names core messages mention are the manifest\'s', () => {
	assert.equal(SETTING_BASE_URL, `${Settings.section}.${Settings.openaiBaseUrl}`);
	assert.equal(SETTING_MODEL, `${Settings.section}.${Settings.openaiModel}`);
});

test('the commands the review names for their keys are named as the Command Palette and Keyboard Shortcuts show them, in English and German; their keys work only in a review', () => {
	const root = path.resolve(__dirname, '..', '..', '..');
	const read = (file: string): Record<string, string> => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')) as Record<string, string>;
	const [nls, nlsDe, bundle, bundleDe] = ['package.nls.json', 'package.nls.de.json', 'l10n/bundle.l10n.json', 'l10n/bundle.l10n.de.json'].map(read);
	const bindings = manifest.contributes.keybindings as { command: string; when?: string }[];
	assert.equal(bindings.length, 6);
	for (const { command, when } of bindings) {
		const declared = manifest.contributes.commands.find((c) => c.command === command) as unknown as { title: string; category: string };
		const key = (s: string): string => s.replace(/^%|%$/g, '');
		const english = `${nls[key(declared.category)]}: ${nls[key(declared.title)]}`;
		assert.equal(bundle[english], english, `${command}: "${english}" is not a message`);
		assert.equal(bundleDe[english], `${nlsDe[key(declared.category)]}: ${nlsDe[key(declared.title)]}`, command);
		assert.match(when ?? '', /\bcekura\.reviewEditorFocused\b|\bresourceScheme == cekura-review\b/, command);
	}
});

test('every Ctrl+Alt keybinding has a macOS variant of its own (Ctrl+Alt is AltGr on many Windows layouts, and not what a Mac user expects)', () => {
	const bindings = manifest.contributes.keybindings as { command: string; key: string; mac?: string }[];
	const ctrlAlt = bindings.filter((k) => /\bctrl\+alt\b/.test(k.key));
	assert.ok(ctrlAlt.length > 0);
	assert.deepEqual(ctrlAlt.filter((k) => !k.mac || /\bctrl\+alt\b/.test(k.mac)).map((k) => k.command), []);
});

test('cekura.requestTimeoutSeconds: the bounds the manifest declares are the ones the timeout is held within', () => {
	const entry = manifest.contributes.configuration.properties['cekura.requestTimeoutSeconds'] as { minimum: number; maximum: number; default: number };
	assert.deepEqual({ min: entry.minimum, max: entry.maximum, default: entry.default }, REQUEST_TIMEOUT_SECONDS);
});

test('an untrusted workspace cannot set the request timeout: it is application-scoped or a restricted configuration', () => {
	const entry = manifest.contributes.configuration.properties['cekura.requestTimeoutSeconds'] as { scope?: string };
	const trust = (manifest as unknown as { capabilities: { untrustedWorkspaces: { supported: boolean | string; restrictedConfigurations?: string[] } } }).capabilities.untrustedWorkspaces;
	const restricted = trust.supported === 'limited' && (trust.restrictedConfigurations ?? []).includes('cekura.requestTimeoutSeconds');
	assert.ok(entry.scope === 'application' || restricted, JSON.stringify({ scope: entry.scope, trust }));
});

test('the Marketplace lists the extension under AI and Testing, with a banner in its colour', () => {
	const page = manifest as unknown as { categories: string[]; galleryBanner?: { color?: string; theme?: string } };
	assert.deepEqual(page.categories, ['AI', 'Testing']);
	assert.match(page.galleryBanner?.color ?? '', /^#[0-9a-f]{6}$/i);
	assert.ok(page.galleryBanner?.theme === 'dark' || page.galleryBanner?.theme === 'light', JSON.stringify(page.galleryBanner));
});

test('no setting declared as a URI has an empty default (VS Code would warn "URI expected" on it)', () => {
	const properties = manifest.contributes.configuration.properties as Record<string, { format?: string; default?: unknown }>;
	const flagged = Object.entries(properties).filter(([, p]) => p.format === 'uri' && (p.default === '' || p.default === undefined));
	assert.deepEqual(flagged.map(([key]) => key), []);
});

test('every icon-only title-bar action has a title of its own, in English and German (screen readers read it)', () => {
	const root = path.resolve(__dirname, '..', '..', '..');
	const nls = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;
	const nlsDe = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.de.json'), 'utf8')) as Record<string, string>;
	const commands = manifest.contributes.commands as { command: string; title: string; icon?: string }[];
	const actions = manifest.contributes.menus['editor/title'].map((entry) => commands.find((c) => c.command === entry.command));
	assert.ok(actions.length > 0);
	const titles = actions.map((command) => {
		assert.ok(command?.icon, `${command?.command} is shown as an icon`);
		const key = /^%(.+)%$/.exec(command.title)?.[1] ?? '';
		assert.ok(nlsDe[key], `${command.command}: no German title`);
		return nls[key] ?? '';
	});
	// A screen reader reads the title of an icon: a verb at least, and no two alike.
	assert.deepEqual(titles.filter((t) => t.trim().split(/\s+/).length < 2), []);
	assert.equal(new Set(titles).size, titles.length, JSON.stringify(titles));
});

test('F5 rebuilds on change: its preLaunchTask runs esbuild and tsc in watch mode, and packaging builds no test', () => {
	const root = path.resolve(__dirname, '..', '..', '..');
	const launch = parseJsonc(fs.readFileSync(path.join(root, '.vscode', 'launch.json'), 'utf8')) as { configurations: { preLaunchTask?: string }[] };
	const tasks = (parseJsonc(fs.readFileSync(path.join(root, '.vscode', 'tasks.json'), 'utf8')) as { tasks: { label: string; script?: string; dependsOn?: string[] }[] }).tasks;
	const scripts = (manifest as unknown as { scripts: Record<string, string> }).scripts;
	const run = (label: string): string[] => {
		const task = tasks.find((t) => t.label === label);
		assert.ok(task, `no task "${label}"`);
		return [...(task.script ? [scripts[task.script]] : []), ...(task.dependsOn ?? []).flatMap(run)];
	};
	const commands = run(launch.configurations[0].preLaunchTask ?? '');
	assert.ok(commands.some((c) => /esbuild\.js --watch/.test(c)), JSON.stringify(commands));
	assert.ok(commands.some((c) => /^tsc --noEmit --watch/.test(c)), JSON.stringify(commands));
	assert.match(scripts['vscode:prepublish'], /esbuild\.js --production --no-tests$/);
});

test('while a review is still a draft, the title-bar actions that refuse it are hidden in its title bar, not in that of a complete review beside it; Discard and Show Evidence, which work on a draft, stay', () => {
	const titleBar = manifest.contributes.menus['editor/title'].filter((e) => /resourceScheme == cekura-review/.test(e.when ?? ''));
	const hidden = [Commands.applyImprovement, Commands.showReviewSummary, Commands.improveAgain, Commands.testProposal];
	assert.deepEqual(hidden.filter((id) => !titleBar.some((e) => e.command === id)), [], 'an action missing from the title bar');
	const draft = 'cekura-review:/review-a1/improved/prompt.md';
	const complete = 'cekura-review:/review-b2/improved/prompt.md';
	const shown = (resource: string): string[] =>
		titleBar
			.filter((e) => evaluateWhen(e.when ?? '', { resourceScheme: 'cekura-review', isInDiffEditor: true, resource, [ContextKeys.draftingReviews]: [draft] }))
			.map((e) => e.command);
	assert.deepEqual(shown(draft).sort(), titleBar.map((e) => e.command).filter((id) => !hidden.includes(id as (typeof hidden)[number])).sort());
	assert.deepEqual(shown(complete).sort(), titleBar.map((e) => e.command).sort(), 'a complete review lost actions because another one is a draft');
});

test('JSON and JSON with Comments alike: the extension activates on each language the agent-export CodeLens is offered in, and on no other', () => {
	const events = (manifest as unknown as { activationEvents: string[] }).activationEvents;
	const languages = events.filter((e) => e.startsWith('onLanguage:')).map((e) => e.slice('onLanguage:'.length));
	assert.deepEqual(languages.sort(), [...AGENT_EXPORT_LANGUAGES].sort());
	assert.ok(AGENT_EXPORT_LANGUAGES.includes('jsonc'));
});

test('cekura.codeLens.enabled: a boolean, on by default, settable per language, described in English and German', () => {
	const root = path.resolve(__dirname, '..', '..', '..');
	const setting = manifest.contributes.configuration.properties[`${Settings.section}.${Settings.codeLensEnabled}`] as { type: string; default: unknown; scope: string; markdownDescription: string };
	assert.deepEqual({ type: setting.type, default: setting.default, scope: setting.scope }, { type: 'boolean', default: true, scope: 'language-overridable' });
	const key = /^%(.+)%$/.exec(setting.markdownDescription)?.[1] ?? '';
	for (const file of ['package.nls.json', 'package.nls.de.json']) {
		const nls = JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')) as Record<string, string>;
		assert.ok(nls[key]?.includes('VAPI'), `${file}: ${key} = ${JSON.stringify(nls[key])}`);
	}
});
