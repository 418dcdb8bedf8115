import { vscodeApiNames } from '../support/vscodeApiNames';

/**
 * The start of a script run by `node -e` in a fresh process: a stub `vscode` module that has every top-level name VS
 * Code's API object has (VSCODE_NAMES, read from @types/vscode), since how an import of it costs depends on that.
 * Any property, call or construction on the stub gives another stub, so the extension's own work is what is timed.
 * The script may replace parts of `vscode` before it requires the bundle (`HOOK_VSCODE` makes `require('vscode')`
 * return it).
 */
export const STUB_VSCODE = `
const Module = require('node:module');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const stub = () => new Proxy(function () {}, { get: (_t, p) => (p === Symbol.toPrimitive ? () => '' : p === 'then' ? undefined : stub()), apply: () => stub(), construct: () => stub(), set: () => true });
// English, as VS Code hands it when no translation is loaded.
const vscode = { ExtensionMode: { Production: 1, Development: 2, Test: 3 }, l10n: { bundle: undefined, t: (message) => message } };
for (const name of JSON.parse(process.env.VSCODE_NAMES)) if (!(name in vscode)) vscode[name] = stub();
// Commands resolve, as VS Code's do: activation may wait on one (setContext) in the background.
vscode.commands = new Proxy({}, { get: (_t, p) => (p === 'executeCommand' ? () => Promise.resolve(undefined) : stub()) });
// A window that opens with no editor tabs, as most do.
const tabGroups = new Proxy({}, { get: (_t, p) => (p === 'all' ? [] : stub()) });
vscode.window = new Proxy({}, { get: (_t, p) => (p === 'tabGroups' ? tabGroups : stub()) });
`;

export const HOOK_VSCODE = `
const load = Module._load;
Module._load = function (request, ...rest) { return request === 'vscode' ? vscode : load.call(this, request, ...rest); };
`;

/** The extension context `activate()` gets in these scripts. */
export const STUB_CONTEXT = `{ subscriptions: [], secrets: stub(), globalState: stub(), workspaceState: stub(), extension: { packageJSON: { version: '0.0.0' } }, extensionMode: 1, logUri: stub() }`;

/** VSCODE_NAMES for these scripts; fails when @types/vscode is missing. */
export function stubNamesEnv(root: string): { VSCODE_NAMES: string; count: number } {
	const names = vscodeApiNames(root);
	if (names.length < 150) throw new Error(`@types/vscode gave only ${names.length} top-level names; is it installed (npm ci)?`);
	return { VSCODE_NAMES: JSON.stringify(names), count: names.length };
}
