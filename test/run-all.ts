import { spawn } from 'node:child_process';
import * as path from 'node:path';

/**
 * `npm test`: type-check, lint, unit tests, the fault suite, packaging, integration tests in VS Code, UI tests in the workbench.
 * Every stage runs even after one fails. The last line sums every suite: `N passed, M failed`.
 */
interface Stage {
	name: string;
	command: string;
	args: string[];
	/** Stages that run tests print `<name>: N passed, M failed`; the others count as one check. */
	reportsCounts: boolean;
	/** Output (stdout or stderr) that fails the stage even when it exits 0. */
	failsOn?: RegExp;
}

const root = path.resolve(__dirname, '..', '..');
const node = process.execPath;
const bin = (name: string): string => path.join(root, 'node_modules', '.bin', name);

const stages: Stage[] = [
	{ name: 'typecheck', command: bin('tsc'), args: ['--noEmit', '-p', root], reportsCounts: false },
	{ name: 'lint', command: bin('eslint'), args: ['--max-warnings', '0', root], reportsCounts: false },
	{ name: 'unit', command: node, args: [path.join(root, 'out/test/run-unit.js')], reportsCounts: true },
	{ name: 'faults', command: node, args: [path.join(root, 'out/test/faults/run-faults.js')], reportsCounts: true },
	// What a publisher runs: `vsce package`, with its prepublish script (type-check, lint, production build); a warning fails it.
	{ name: 'package', command: 'npm', args: ['run', '--silent', 'package'], reportsCounts: false, failsOn: /\bWARNING\b/ },
	{ name: 'integration', command: node, args: [path.join(root, 'out/test/e2e/run-integration.js')], reportsCounts: true },
	{ name: 'e2e', command: node, args: [path.join(root, 'out/test/e2e/run-ui.js')], reportsCounts: true },
];

interface Outcome {
	name: string;
	passed: number;
	failed: number;
	seconds: number;
}

function runStage(stage: Stage): Promise<Outcome> {
	const started = Date.now();
	console.log(`\n━━ ${stage.name} ━━ ${path.basename(stage.command)} ${stage.args.map((a) => path.relative(root, a) || a).join(' ')}`);
	return new Promise((resolve) => {
		const child = spawn(stage.command, stage.args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
		let tail = '';
		let failingOutput: string | undefined;
		const watch = (chunk: Buffer): void => {
			const text = chunk.toString('utf8');
			if (!failingOutput && stage.failsOn?.test(text)) failingOutput = text.trim().split('\n').find((line) => stage.failsOn?.test(line));
		};
		child.stdout.on('data', (chunk: Buffer) => {
			process.stdout.write(chunk);
			watch(chunk);
			tail = (tail + chunk.toString('utf8')).slice(-4000);
		});
		child.stderr.on('data', (chunk: Buffer) => {
			process.stderr.write(chunk);
			watch(chunk);
		});
		const finish = (code: number | null, error?: Error): void => {
			const seconds = (Date.now() - started) / 1000;
			if (error) console.log(`${stage.name}: could not start ${stage.command}: ${error.message}`);
			if (failingOutput) {
				console.log(`${stage.name}: failed on its output: ${failingOutput}`);
				code = code === 0 ? 1 : code;
			}
			const summary = new RegExp(`^${stage.name}: (\\d+) passed, (\\d+) failed$`, 'm').exec(tail);
			if (stage.reportsCounts && summary) {
				const failed = Number(summary[2]) + (code !== 0 && Number(summary[2]) === 0 ? 1 : 0);
				resolve({ name: stage.name, passed: Number(summary[1]), failed, seconds });
			} else if (stage.reportsCounts) {
				resolve({ name: stage.name, passed: 0, failed: 1, seconds });
			} else {
				resolve({ name: stage.name, passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, seconds });
			}
		};
		child.on('error', (err) => finish(null, err));
		child.on('close', (code) => finish(code));
	});
}

async function main(): Promise<number> {
	const only = process.env.CEKURA_STAGES?.split(',').map((s) => s.trim());
	const outcomes: Outcome[] = [];
	for (const stage of stages) {
		if (only && !only.includes(stage.name)) continue;
		outcomes.push(await runStage(stage));
	}
	console.log('\n━━ summary ━━');
	for (const o of outcomes) {
		console.log(`${o.failed ? '✗' : '✓'} ${o.name.padEnd(12)} ${String(o.passed).padStart(4)} passed ${String(o.failed).padStart(3)} failed  ${o.seconds.toFixed(1).padStart(6)} s`);
	}
	const passed = outcomes.reduce((n, o) => n + o.passed, 0);
	const failed = outcomes.reduce((n, o) => n + o.failed, 0);
	console.log(`${passed} passed, ${failed} failed`);
	return failed > 0 ? 1 : 0;
}

main().then(
	(code) => (process.exitCode = code),
	(err: unknown) => {
		console.error(err);
		console.log('0 passed, 1 failed');
		process.exitCode = 1;
	},
);
