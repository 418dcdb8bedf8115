// `npm run test:e2e`: installs the packaged extension into a fresh code-server, points it at the local fake
// Cekura server and drives the workbench like a person through every flow in one browser session.
//
// Env: E2E_FLOWS=name1,name2 runs a subset; E2E_FLOW_TIMEOUT_SECONDS (default 180) bounds each flow, and
// E2E_IDLE_SECONDS (default: the flow limit + 60 s) stops a run in which nothing has happened for that long (a
// hang outside the flows: starting code-server, loading or resetting the workbench); the whole run takes what it
// takes. E2E_VSIX uses another .vsix; E2E_VERBOSE=1 echoes the browser console. To see where a figure's time goes:
// E2E_LOG_LEVEL=debug starts code-server at that log level (the extension's log then notes each step, with its time),
// E2E_KEEP_TMP=1 keeps its folder (the logs are in user-data/logs), and E2E_TRACE=1 has the streamedEdits flow write
// a Chrome performance trace of each proposal after the first (test-results/e2e/trace-N.json).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { errorMessage } from '../../src/core/errorMessage';
import { DEMO_API_KEY, startCekuraServer } from '../server/cekuraServer';
import { startOpenAiServer } from '../server/openAiServer';
import {
	Teardown,
	ensureTools,
	exitOnSignals,
	formatSeconds,
	launchBrowser,
	lmTestExtensions,
	logTail,
	repoRoot,
	startCodeServer,
	toolVersions,
	type CodeServer,
	type StartOptions,
} from './codeServer';
import { idleSecondsFromEnv, ProgressWatchdog } from './progressWatchdog';
import { agentExport } from './flows/agentExport';
import { backToRuns } from './flows/backToRuns';
import { codeLensSetting } from './flows/codeLensSetting';
import { commandEntryPoints } from './flows/commandEntryPoints';
import { driftRefused } from './flows/driftRefused';
import { editorTitleButton } from './flows/editorTitleButton';
import { evidence } from './flows/evidence';
import { cancelRequest, errorNotOffered, errorRunListForbidden, errorUnauthorized } from './flows/errorCases';
import { fourthRunRefused } from './flows/fourthRunRefused';
import { improveAgain } from './flows/improveAgain';
import { history } from './flows/history';
import { improveAndApply } from './flows/improveAndApply';
import { languageModelConsent } from './flows/languageModelConsent';
import { loadMoreRuns } from './flows/loadMoreRuns';
import { manualRunEntry } from './flows/manualRunEntry';
import { perChangeReview } from './flows/perChangeReview';
import { explicitModelEngine, fallbackToModel } from './flows/modelEngines';
import { germanLocale } from './flows/germanLocale';
import { restrictedMode } from './flows/restrictedMode';
import { screenReaderLabels } from './flows/screenReaderLabels';
import { testProposal } from './flows/testProposal';
import { reviewDiffTimes } from './flows/reviewDiffTimes';
import { screenshots } from './flows/screenshots';
import { streamedEdits } from './flows/streamedEdits';
import { draftBesideReview } from './flows/draftBesideReview';
import { walkthrough } from './flows/walkthrough';
import { walkthroughOnInstall } from './flows/walkthroughOnInstall';
import { openWorkbench, Workbench, type Flow, type FlowContext } from './workbench';

const FLOWS: readonly Flow[] = [
	commandEntryPoints,
	walkthrough,
	improveAndApply,
	manualRunEntry,
	fourthRunRefused,
	backToRuns,
	loadMoreRuns,
	driftRefused,
	evidence,
	agentExport,
	codeLensSetting,
	editorTitleButton,
	perChangeReview,
	screenReaderLabels,
	history,
	fallbackToModel,
	reviewDiffTimes,
	streamedEdits,
	draftBesideReview,
	explicitModelEngine,
	improveAgain,
	testProposal,
	errorNotOffered,
	errorUnauthorized,
	errorRunListForbidden,
	cancelRequest,
	languageModelConsent,
	restrictedMode,
	germanLocale,
	walkthroughOnInstall,
	screenshots,
];

const TIMEOUT_EXIT_CODE = 124;

interface Tally {
	passed: number;
	failed: number;
	/** False until the workbench is up and the first flow starts. */
	flowsStarted: boolean;
}

const DEFAULT_FLOW_TIMEOUT_SECONDS = 180;

function secondsFromEnv(name: string, fallback: number): number {
	const raw = process.env[name];
	const value = raw ? Number(raw) : fallback;
	if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`);
	return value;
}

function selectedFlows(): Flow[] {
	const wanted = process.env.E2E_FLOWS?.split(',').map((name) => name.trim()).filter(Boolean);
	if (!wanted || wanted.length === 0) return [...FLOWS];
	const unknown = wanted.filter((name) => !FLOWS.some((flow) => flow.name === name));
	if (unknown.length > 0) throw new Error(`E2E_FLOWS names unknown flows: ${unknown.join(', ')} (known: ${FLOWS.map((f) => f.name).join(', ')})`);
	return FLOWS.filter((flow) => wanted.includes(flow.name));
}

/** The .vsix to install: E2E_VSIX, else dist/cekura-prompt-improver.vsix, (re)packaged when missing or older than the build. */
function ensureVsix(root: string): string {
	if (process.env.E2E_VSIX) {
		const vsix = path.resolve(process.env.E2E_VSIX);
		if (!fs.existsSync(vsix)) throw new Error(`E2E_VSIX=${vsix} does not exist`);
		return vsix;
	}
	const vsix = path.join(root, 'dist', 'cekura-prompt-improver.vsix');
	const mtime = (file: string): number => (fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0);
	const newestInput = Math.max(mtime(path.join(root, 'dist', 'extension.js')), mtime(path.join(root, 'package.json')));
	if (fs.existsSync(vsix) && mtime(vsix) >= newestInput) return vsix;
	console.log(`${path.relative(root, vsix)} is ${fs.existsSync(vsix) ? 'older than the build' : 'missing'}: \`npm run package\``);
	// `npm run package` is what a publisher runs (`vsce package`); its file listing is shown only when it fails.
	const result = spawnSync('npm', ['run', '--silent', 'package'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
	if (result.status !== 0 || !fs.existsSync(vsix)) {
		process.stderr.write(`${result.stdout ?? ''}${result.stderr ?? ''}`);
		throw new Error(`\`npm run package\` failed (exit ${result.status ?? result.signal}); cannot install the extension`);
	}
	return vsix;
}

function displayPath(root: string, file: string): string {
	const relative = path.relative(root, file);
	return relative.startsWith('..') ? file : relative;
}

function withTimeout<T>(promise: Promise<T>, seconds: number, what: string): Promise<T> {
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new Error(`${what} did not finish within ${seconds} s`)), seconds * 1000);
	});
	return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * code-server resolves `--locale` only to a language that an installed language pack contributes; otherwise VS Code,
 * and with it the extension host's `vscode.env.language`, stay English. The server reads the installed packs from
 * `<user data>/languagepacks.json`, which VS Code writes when a running VS Code installs a pack (not a pack found in
 * the extensions folder, nor one installed with `--install-extension`). So the test-only pack
 * test/fixtures/language-pack-<locale>, which declares the language without translating VS Code itself, is copied
 * into the extensions folder and entered in that file here, the way VS Code enters it.
 */
function registerLanguagePack(locale: string, userDataDir: string, extensionsDir: string): void {
	const folder = fs.readdirSync(extensionsDir).find((name) => name.startsWith(`cekura-test.cekura-test-language-pack-${locale}-`));
	if (!folder) throw new Error(`the ${locale} language pack is not in ${extensionsDir}`);
	const manifest = JSON.parse(fs.readFileSync(path.join(extensionsDir, folder, 'package.json'), 'utf8')) as {
		name: string; publisher: string; version: string;
		contributes: { localizations: { languageId: string; localizedLanguageName: string; translations: { id: string; path: string }[] }[] };
	};
	const packs: Record<string, unknown> = {};
	for (const localization of manifest.contributes.localizations) {
		packs[localization.languageId] = {
			hash: `${manifest.publisher}.${manifest.name}@${manifest.version}`,
			extensions: [{ extensionIdentifier: { id: `${manifest.publisher}.${manifest.name}` }, version: manifest.version }],
			translations: Object.fromEntries(localization.translations.map((t) => [t.id, path.join(extensionsDir, folder, t.path)])),
			label: localization.localizedLanguageName,
		};
	}
	fs.mkdirSync(userDataDir, { recursive: true });
	fs.writeFileSync(path.join(userDataDir, 'languagepacks.json'), JSON.stringify(packs));
}

/** `step` is told of every step, so that only a run in which nothing happens for a long while is stopped. */
async function runFlows(tally: Tally, step: (what: string) => void, teardown: Teardown): Promise<void> {
	const root = repoRoot();
	const flows = selectedFlows();
	const flowTimeout = secondsFromEnv('E2E_FLOW_TIMEOUT_SECONDS', DEFAULT_FLOW_TIMEOUT_SECONDS);
	const shotsDir = path.join(root, 'test-results', 'e2e');
	fs.rmSync(shotsDir, { recursive: true, force: true });
	fs.mkdirSync(shotsDir, { recursive: true });

	const vsix = ensureVsix(root);
	const tools = await ensureTools();
	step('tools ready');
	const versions = toolVersions(tools);
	console.log(`VS Code ${versions.vscode} (code-server ${versions.codeServer}), extension host Node ${versions.node}, extension ${displayPath(root, vsix)}`);

	const fixture = path.join(root, 'test', 'fixtures', 'workspace');
	const workspaceDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cekura-e2e-workspace-'));
	teardown.add('remove workspace copy', () => fs.rmSync(workspaceDir, { recursive: true, force: true }));
	fs.cpSync(fixture, workspaceDir, { recursive: true });

	const server = await startCekuraServer();
	teardown.add('stop the fake Cekura server', () => server.close());
	console.log(`fake Cekura server at ${server.url} (API key ${DEMO_API_KEY})`);

	const model = await startOpenAiServer();
	teardown.add('stop the local model server', () => model.close());
	const userSettings = {
		'cekura.apiBaseUrl': server.url,
		'cekura.openaiCompatible.baseUrl': model.url,
		'cekura.openaiCompatible.model': 'local-improver',
		'editor.stickyScroll.enabled': false,
		// VS Code hides CodeLenses in diff editors by default; the perChangeReview flow clicks Keep Original on one.
		'diffEditor.codeLens': true,
	};
	/** Starts a code-server for a group of flows, stopped at the end; its log is kept when a flow failed. */
	const startServer = async (what: string, logName: string, options: StartOptions): Promise<CodeServer> => {
		step(`starting ${what}`);
		const started = await startCodeServer({ userSettings, workspace: workspaceDir, tools, ...options });
		step(`${what} started`);
		teardown.add(`stop ${what}`, async () => {
			if (tally.failed > 0 && !teardown.interruptedBy) {
				const kept = path.join(shotsDir, logName);
				fs.copyFileSync(started.logFile, kept);
				console.error(`${what}'s log saved to ${path.relative(root, kept)}; last lines:\n${logTail(started.logFile, 15)}`);
			}
			await started.stop();
		});
		return started;
	};
	const mainFlows = flows.filter((f) => !f.untrustedFolder && !f.locale && !f.installsExtension && !f.ownWorkspace);
	// The test LM provider and consumer (test/fixtures/lm-*) sit next to the installed extension.
	const codeServer = mainFlows.length > 0 ? await startServer('code-server', 'code-server.log', { installVsix: vsix, copyExtensions: lmTestExtensions() }) : undefined;

	const { page, close } = await launchBrowser(tools);
	teardown.add('close browser', close);
	// Reloading after a failed flow with unsaved editors would otherwise be vetoed by the "leave page?" prompt.
	page.on('dialog', (dialog) => void (dialog.type() === 'beforeunload' ? dialog.accept() : dialog.dismiss()).catch(() => undefined));
	if (process.env.E2E_VERBOSE === '1') page.on('console', (message) => console.error(`[browser] ${message.text()}`));

	const runList = async (list: readonly Flow[], workbench: Workbench, own: Partial<Pick<FlowContext, 'model' | 'workspaceDir'>> = {}): Promise<void> => {
		tally.flowsStarted = true;
		for (const [index, flow] of list.entries()) {
			const started = Date.now();
			const ctx: FlowContext = {
				page, wb: workbench, server, model, workspaceDir, vsix, shotsDir,
				log: (message) => {
					step(`${flow.name}: ${message}`);
					console.log(`    · ${message}`);
				},
				...own,
			};
			step(`flow ${flow.name} starting`);
			try {
				if (index > 0) {
					await workbench.reset();
					server.reset();
					model.reset();
					fs.cpSync(fixture, workspaceDir, { recursive: true, force: true });
				}
				await withTimeout(flow.run(ctx), flowTimeout, `flow ${flow.name}`);
				tally.passed++;
				step(`flow ${flow.name} passed`);
				console.log(`✓ ${flow.name} (${formatSeconds(Date.now() - started)})`);
			} catch (err) {
				// Interrupted: the browser is gone, and the signal handler prints the summary.
				if (teardown.interruptedBy) return;
				tally.failed++;
				step(`flow ${flow.name} failed`);
				console.log(`✗ ${flow.name}: ${errorMessage(err)}`);
				const shot = path.join(shotsDir, `${flow.name}-failure.png`);
				await page.screenshot({ path: shot }).then(
					() => console.log(`    screenshot: ${path.relative(root, shot)}`),
					(shotErr: unknown) => console.log(`    no screenshot: ${errorMessage(shotErr)}`),
				);
				if (index < list.length - 1) {
					// The next flow starts from a freshly loaded workbench.
					await page.reload();
					await workbench.waitForReady();
				}
			}
		}
	};

	if (codeServer) {
		const loadStarted = Date.now();
		const wb = await openWorkbench(page, codeServer.url, workspaceDir);
		step('workbench loaded');
		console.log(`workbench loaded in ${formatSeconds(Date.now() - loadStarted)}`);
		await runList(mainFlows, wb);
	}
	const untrusted = flows.filter((f) => f.untrustedFolder);
	if (untrusted.length > 0 && !teardown.interruptedBy) {
		// A second VS Code, as shipped: workspace trust on, so the folder opens in Restricted Mode once the flow declines trust.
		const restricted = await startServer('the Restricted Mode code-server', 'code-server-restricted.log', { installVsix: vsix, copyExtensions: lmTestExtensions(), workspaceTrust: true });
		server.reset();
		model.reset();
		fs.cpSync(fixture, workspaceDir, { recursive: true, force: true });
		await page.goto(`${restricted.url}/?folder=${encodeURIComponent(workspaceDir)}`);
		await runList(untrusted, new Workbench(page));
	}
	for (const locale of new Set(flows.flatMap((f) => (f.locale ? [f.locale] : [])))) {
		if (teardown.interruptedBy) break;
		// A second VS Code in another display language: the extension's nls files and l10n bundle follow it.
		const localized = await startServer(`the code-server in locale ${locale}`, `code-server-${locale}.log`, {
			installVsix: vsix,
			copyExtensions: [...lmTestExtensions(), path.join(root, 'test', 'fixtures', `language-pack-${locale}`)],
			beforeStart: ({ userDataDir, extensionsDir }) => registerLanguagePack(locale, userDataDir, extensionsDir),
			extraArgs: ['--locale', locale],
		});
		server.reset();
		model.reset();
		fs.cpSync(fixture, workspaceDir, { recursive: true, force: true });
		await runList(flows.filter((f) => f.locale === locale), await openWorkbench(page, localized.url, workspaceDir));
	}
	for (const flow of flows.filter((f) => f.ownWorkspace)) {
		if (teardown.interruptedBy) break;
		// A VS Code on a folder with a name of its own (not a temporary one) and a model server of its own.
		const own = flow.ownWorkspace!;
		const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'cekura-e2e-own-'));
		teardown.add(`remove ${own.folderName}`, () => fs.rmSync(parent, { recursive: true, force: true }));
		const folder = path.join(parent, own.folderName);
		fs.cpSync(path.join(root, 'test', 'fixtures', own.fixture), folder, { recursive: true });
		const ownModel = await startOpenAiServer({ models: own.models });
		teardown.add(`stop the model server of ${flow.name}`, () => ownModel.close());
		const started = await startServer(`the code-server on ${own.folderName}`, `code-server-${flow.name}.log`, {
			installVsix: vsix,
			userSettings: { ...userSettings, 'cekura.openaiCompatible.baseUrl': ownModel.url, ...own.userSettings },
		});
		server.reset();
		await runList([flow], await openWorkbench(page, started.url, folder), { model: ownModel, workspaceDir: folder });
	}
	const installing = flows.filter((f) => f.installsExtension);
	if (installing.length > 0 && !teardown.interruptedBy) {
		// A VS Code that has never had the extension: the flow installs the .vsix the way a user does. It keeps VS Code's
		// default startup editor, the Welcome page (OFFLINE_SETTINGS turn it off): only once something has created VS Code's
		// walkthroughs service (the Welcome page, or opening a walkthrough) does it note the extensions installed in the
		// window and open their walkthrough; see CONTRIBUTING.md, "The VS Code test harness".
		const fresh = await startServer('the code-server without the extension', 'code-server-fresh.log', {
			userSettings: { ...userSettings, 'workbench.startupEditor': 'welcomePage' },
		});
		server.reset();
		model.reset();
		fs.cpSync(fixture, workspaceDir, { recursive: true, force: true });
		await runList(installing, await openWorkbench(page, fresh.url, workspaceDir));
	}
}

async function main(): Promise<number> {
	const started = Date.now();
	const teardown = new Teardown();
	const tally: Tally = { passed: 0, failed: 0, flowsStarted: false };
	const removeSignalHandlers = exitOnSignals(teardown, () => console.log(`e2e: ${tally.passed} passed, ${tally.failed + 1} failed`));
	let exitCode = 0;
	let watchdog: ProgressWatchdog | undefined;
	try {
		// A flow that hangs is stopped by its own limit first; the watchdog catches a hang between flows.
		watchdog = new ProgressWatchdog(idleSecondsFromEnv(secondsFromEnv('E2E_FLOW_TIMEOUT_SECONDS', DEFAULT_FLOW_TIMEOUT_SECONDS) + 60), 'packaging and installing the tools');
		const progress = watchdog.progress.bind(watchdog);
		const stalled = await Promise.race([runFlows(tally, progress, teardown).then(() => undefined), watchdog.stalled]);
		if (stalled !== undefined) {
			console.error(`e2e: ${stalled}; stopping`);
			tally.failed++;
			exitCode = TIMEOUT_EXIT_CODE;
		}
	} catch (err) {
		console.error(`e2e: ${errorMessage(err)}`);
		if (tally.flowsStarted) {
			tally.failed++;
		} else {
			// Setup failed (packaging, tools, servers, workbench).
			tally.passed = 0;
			tally.failed = 1;
		}
		exitCode = 1;
	} finally {
		watchdog?.stop();
	}
	await teardown.run();
	removeSignalHandlers();
	console.log(`(${formatSeconds(Date.now() - started)})`);
	console.log(`e2e: ${tally.passed} passed, ${tally.failed} failed`);
	return exitCode !== 0 ? exitCode : tally.failed > 0 ? 1 : 0;
}

main().then(
	(code) => process.exit(code),
	(err: unknown) => {
		console.error(err);
		console.log('e2e: 0 passed, 1 failed');
		process.exit(1);
	},
);
