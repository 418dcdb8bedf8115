// `npm run test:integration`: runs out/test/integration/index.js inside a real VS Code extension host.
//
// With VSCODE_EXECUTABLE_PATH set, or a desktop VS Code downloaded by @vscode/test-electron: hands the run to
// runTests() with that executable (a desktop VS Code, or test/e2e/code-shim.sh). Otherwise: code-server in smoke-test-driver
// mode, whose web workbench starts the tests from the `payload` URL parameter (CONTRIBUTING.md, "The VS Code test harness").
//
// code-shim.sh calls this script with `--dev <extension> --tests <index.js> [--workspace <dir>]` and
// CEKURA_HARNESS_NESTED=1; then the caller prints the summary line.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { format } from 'node:util';
import { errorMessage } from '../../src/core/errorMessage';
import {
	Teardown,
	ensureTools,
	exitOnSignals,
	formatSeconds,
	isRecord,
	launchBrowser,
	lmTestExtensions,
	logTail,
	repoRoot,
	startCodeServer,
	toolVersions,
} from './codeServer';
import { idleSecondsFromEnv, ProgressWatchdog } from './progressWatchdog';

const TIMEOUT_EXIT_CODE = 124;
/** First line test/integration/index.ts prints; keep in sync. */
const SUITE_START_MARKER = 'cekura integration suite:';

interface Options {
	extensionPath: string;
	testsPath: string;
	workspace: string | undefined;
	nested: boolean;
}

interface Results {
	passed: number;
	failed: number;
	pending: number;
	/** False when the suite wrote these after some test, and never got to the end. */
	complete: boolean;
}

/** Workbench log lines that may arrive while the suite runs: errors with stacks in the browser bundle, component chatter. */
function isWorkbenchNoise(line: string, serverUrl: string): boolean {
	return line.includes(`${serverUrl}/stable-`) || /^\[(AccountPolicyGate|AgentHost[^\]]*|Service Worker|reconnection-grace-time)\] /.test(line);
}

function parseArgs(argv: readonly string[]): Options {
	const root = repoRoot();
	const options: Options = {
		extensionPath: root,
		testsPath: path.join(root, 'out', 'test', 'integration', 'index.js'),
		workspace: undefined,
		nested: process.env.CEKURA_HARNESS_NESTED === '1',
	};
	for (let i = 0; i < argv.length; i++) {
		const value = argv[i + 1];
		if (value === undefined) throw new Error(`missing value after ${argv[i]}`);
		switch (argv[i]) {
			case '--dev':
				options.extensionPath = path.resolve(value);
				break;
			case '--tests':
				options.testsPath = path.resolve(value);
				break;
			case '--workspace':
				options.workspace = path.resolve(value);
				break;
			default:
				throw new Error(`unknown argument ${argv[i]} (expected --dev, --tests, --workspace)`);
		}
		i++;
	}
	return options;
}

/** A scratch copy of test/fixtures/workspace, so tests may edit files freely. */
function copyFixtureWorkspace(teardown: Teardown): string {
	const fixture = path.join(repoRoot(), 'test', 'fixtures', 'workspace');
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cekura-workspace-'));
	fs.cpSync(fixture, dir, { recursive: true });
	teardown.add('remove workspace copy', () => fs.rmSync(dir, { recursive: true, force: true }));
	return dir;
}

function readResults(file: string): Results | undefined {
	try {
		const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
		if (isRecord(parsed) && typeof parsed.passed === 'number' && typeof parsed.failed === 'number') {
			return { passed: parsed.passed, failed: parsed.failed, pending: typeof parsed.pending === 'number' ? parsed.pending : 0, complete: parsed.complete === true };
		}
	} catch {
		// missing or half-written: the run crashed
	}
	return undefined;
}

/**
 * No test finishing for this long means a hang (the per-test limit is 30 s). The whole suite takes what it takes:
 * about 2.5 to 5 min on 2 cores, more on a slower or busier machine.
 */
const IDLE_SECONDS = 120;

/** Reads the results file the suite rewrites after each test, and tells the watchdog when it moved on. */
function watchResults(file: string, watchdog: ProgressWatchdog): () => void {
	let seen = '';
	const timer = setInterval(() => {
		const results = readResults(file);
		const now = results ? `${results.passed}/${results.failed}/${results.pending}` : '';
		if (results && now !== seen) {
			seen = now;
			watchdog.progress(`test ${results.passed + results.failed + results.pending} finished (${results.passed} passed, ${results.failed} failed)`);
		}
	}, 1000);
	return () => clearInterval(timer);
}

/** Runs the suite in code-server; returns the workbench's exit code, or 124 on timeout. */
async function runInCodeServer(options: Options, resultsFile: string, teardown: Teardown): Promise<number> {
	const tools = await ensureTools();
	const versions = toolVersions(tools);
	console.log(`VS Code ${versions.vscode} (code-server ${versions.codeServer}), extension host Node ${versions.node}`);

	const watchdog = new ProgressWatchdog(idleSecondsFromEnv(IDLE_SECONDS), 'starting code-server');
	const stopWatching = watchResults(resultsFile, watchdog);
	teardown.add('stop the progress watchdog', () => (stopWatching(), watchdog.stop()));
	const stalled = watchdog.stalled.then((message) => {
		console.error(`integration: ${message}; stopping`);
		return TIMEOUT_EXIT_CODE;
	});

	const workspace = options.workspace ?? copyFixtureWorkspace(teardown);
	const run = async (): Promise<number> => {
		const server = await startCodeServer({
			workspace,
			copyExtensions: lmTestExtensions(),
			env: { CEKURA_TEST_RESULTS: resultsFile },
			extraArgs: ['--vscode-option', 'enable-smoke-test-driver'],
			tools,
		});
		watchdog.progress('code-server started; loading the workbench and the extension host');
		teardown.add('stop code-server', async () => {
			// No results means a crash or a hang: keep the server's files for a post-mortem.
			const crashed = !fs.existsSync(resultsFile) && !teardown.interruptedBy;
			if (crashed) console.error(`code-server log (kept in ${server.runDir}), last lines:\n${logTail(server.logFile)}`);
			await server.stop({ keepFiles: crashed });
		});
		const { page, close } = await launchBrowser(tools);
		teardown.add('close browser', close);

		let resolveExit: (code: number) => void = () => undefined;
		const exited = new Promise<number>((resolve) => (resolveExit = resolve));
		await page.exposeFunction('codeAutomationExit', (code: unknown) => resolveExit(typeof code === 'number' ? code : 1));
		page.on('crash', () => {
			console.error('integration: the workbench page crashed');
			resolveExit(1);
		});
		// The workbench's own log arrives here too, mixed with the extension host's console. Unless
		// E2E_VERBOSE=1, workbench lines are held back until the suite announces itself (and shown only
		// if it never does), and afterwards workbench errors (stack frames in the browser bundle) are dropped.
		const verbose = process.env.E2E_VERBOSE === '1';
		let suiteStarted = false;
		const heldBack: string[] = [];
		await page.exposeFunction('codeAutomationLog', (level: unknown, args: unknown) => {
			const line = format(...(Array.isArray(args) ? args : [args]));
			if (!suiteStarted && line.startsWith(SUITE_START_MARKER)) {
				suiteStarted = true;
				watchdog.progress('the suite started');
			}
			if (verbose || (suiteStarted && !isWorkbenchNoise(line, server.url))) process.stdout.write(`${line}\n`);
			else if (!suiteStarted) heldBack.push(`[${String(level)}] ${line}`);
		});
		teardown.add('show held-back workbench log', () => {
			if (!suiteStarted && !verbose && heldBack.length > 0) {
				console.error(`the suite never started; workbench log:\n${heldBack.join('\n')}`);
			}
		});
		if (process.env.E2E_VERBOSE === '1') page.on('console', (message) => console.error(`[browser] ${message.text()}`));

		const remote = (p: string): string => `vscode-remote://127.0.0.1:${server.port}${p}`;
		const payload = [
			['extensionDevelopmentPath', remote(options.extensionPath)],
			['extensionTestsPath', remote(options.testsPath)],
			['skipWelcome', 'true'],
			['skipReleaseNotes', 'true'],
		];
		const url = `${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
		await page.goto(url);
		return exited;
	};
	return Promise.race([run(), stalled]);
}

/** Hands the run to @vscode/test-electron's runTests() with VSCODE_EXECUTABLE_PATH; returns its exit code. */
async function runWithTestElectron(executable: string, options: Options, resultsFile: string, teardown: Teardown): Promise<number> {
	const { runTests } = await import('@vscode/test-electron');
	const workspace = options.workspace ?? copyFixtureWorkspace(teardown);
	// runTests forwards SIGINT to the executable (which then ends the run); do the same for SIGTERM and on a stall.
	const forwardTerm = (): void => void process.emit('SIGINT');
	process.on('SIGTERM', forwardTerm);
	const watchdog = new ProgressWatchdog(idleSecondsFromEnv(IDLE_SECONDS), 'starting VS Code');
	const stopWatching = watchResults(resultsFile, watchdog);
	let timedOut = false;
	void watchdog.stalled.then((message) => {
		console.error(`integration: ${message}; stopping`);
		timedOut = true;
		process.emit('SIGINT');
	});
	try {
		await runTests({
			vscodeExecutablePath: executable,
			// Desktop VS Code loads every path; code-shim.sh keeps the first and its nested run installs the others.
			extensionDevelopmentPath: [options.extensionPath, ...lmTestExtensions()],
			extensionTestsPath: options.testsPath,
			extensionTestsEnv: { CEKURA_TEST_RESULTS: resultsFile, CEKURA_HARNESS_NESTED: '1' },
			launchArgs: [workspace],
		});
		return timedOut ? TIMEOUT_EXIT_CODE : 0;
	} catch (err) {
		console.error(`integration: ${errorMessage(err)}`);
		if (timedOut) return TIMEOUT_EXIT_CODE;
		const code: unknown = isRecord(err) ? err.code : undefined;
		return typeof code === 'number' && code !== 0 ? code : 1;
	} finally {
		stopWatching();
		watchdog.stop();
		process.off('SIGTERM', forwardTerm);
	}
}

/**
 * A desktop VS Code from Microsoft's update service, as @vscode/test-electron's runTests() would fetch it. Tried only
 * where a desktop VS Code can show a window (a display, or not Linux); here the service is unreachable and the run
 * falls back to code-server. CEKURA_VSCODE_DOWNLOAD=0 skips the attempt.
 */
async function downloadDesktopVsCode(): Promise<string | undefined> {
	if (process.env.CEKURA_VSCODE_DOWNLOAD === '0') return undefined;
	if (process.platform === 'linux' && !process.env.DISPLAY) return undefined;
	const { downloadAndUnzipVSCode } = await import('@vscode/test-electron');
	try {
		return await downloadAndUnzipVSCode({ cachePath: path.join(repoRoot(), '.vscode-test') });
	} catch (err) {
		console.log(`integration: no desktop VS Code could be downloaded (${errorMessage(err).split('\n')[0]}); using code-server`);
		return undefined;
	}
}

async function main(): Promise<number> {
	const started = Date.now();
	const options = parseArgs(process.argv.slice(2));
	const teardown = new Teardown();
	const executable = options.nested ? undefined : process.env.VSCODE_EXECUTABLE_PATH || (await downloadDesktopVsCode());
	const useTestElectron = executable !== undefined && executable !== '';

	const ownResultsFile = !process.env.CEKURA_TEST_RESULTS;
	const resultsFile = process.env.CEKURA_TEST_RESULTS || path.join(os.tmpdir(), `cekura-integration-${process.pid}-${Date.now()}.json`);
	fs.rmSync(resultsFile, { force: true });
	if (ownResultsFile) teardown.add('remove results file', () => fs.rmSync(resultsFile, { force: true }));

	const interrupted = (): void => {
		const partial = readResults(resultsFile);
		if (!options.nested) console.log(`integration: ${partial?.passed ?? 0} passed, ${partial ? Math.max(partial.failed, 1) : 1} failed`);
	};
	const removeSignalHandlers = useTestElectron ? () => undefined : exitOnSignals(teardown, interrupted);
	let code: number;
	try {
		if (!fs.existsSync(options.testsPath)) throw new Error(`${options.testsPath} does not exist; run \`node esbuild.js\` first`);
		if (useTestElectron) {
			try {
				fs.accessSync(executable, fs.constants.X_OK);
			} catch {
				throw new Error(`VSCODE_EXECUTABLE_PATH=${executable} is not an executable file`);
			}
			console.log(`integration: running through @vscode/test-electron with ${executable}`);
			code = await runWithTestElectron(executable, options, resultsFile, teardown);
		} else {
			code = await runInCodeServer(options, resultsFile, teardown);
		}
	} catch (err) {
		console.error(`integration: ${errorMessage(err)}`);
		code = 1;
	}

	const results = readResults(resultsFile);
	await teardown.run();
	removeSignalHandlers();

	if (!results && code === 0) {
		console.error(`integration: the suite ended without writing ${resultsFile} (is CEKURA_TEST_RESULTS reaching the extension host?)`);
	}
	if (results && !results.complete) console.error(`integration: the suite stopped after ${results.passed + results.failed + results.pending} test(s) without finishing`);
	const passed = results?.passed ?? 0;
	const failed = results ? results.failed + (results.complete ? 0 : 1) : 1;
	const exitCode = code !== 0 ? code : failed > 0 || !results ? 1 : 0;
	if (!options.nested) {
		console.log(`(${formatSeconds(Date.now() - started)})`);
		console.log(`integration: ${passed} passed, ${failed} failed`);
	}
	return exitCode;
}

main().then(
	(code) => process.exit(code),
	(err: unknown) => {
		console.error(err);
		console.log('integration: 0 passed, 1 failed');
		process.exit(1);
	},
);
