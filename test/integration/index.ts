// Entry point VS Code's extension host calls (`extensionTestsPath`): runs every *.itest.js next to it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export interface IntegrationResults {
	passed: number;
	failed: number;
	pending: number;
	/** False while the suite runs: the file is rewritten after each test, so the harness sees progress. */
	complete: boolean;
}

export function run(): Promise<void> {
	// CEKURA_TEST_GREP runs only the tests whose full title matches, while working on them.
	const grep = process.env.CEKURA_TEST_GREP;
	const mocha = new Mocha({ ui: 'tdd', reporter: 'spec', color: false, timeout: 30_000, ...(grep ? { grep } : {}) });
	const files = fs
		.readdirSync(__dirname)
		.filter((name) => name.endsWith('.itest.js'))
		.sort();
	for (const name of files) mocha.addFile(path.join(__dirname, name));

	const write = (results: IntegrationResults): void => {
		const resultsFile = process.env.CEKURA_TEST_RESULTS;
		// Written whole under another name, then renamed: the harness never reads half a file.
		if (resultsFile) {
			fs.writeFileSync(`${resultsFile}.part`, `${JSON.stringify(results)}\n`);
			fs.renameSync(`${resultsFile}.part`, resultsFile);
		}
	};
	return new Promise((resolve, reject) => {
		const finish = (results: Omit<IntegrationResults, 'complete'>, error?: unknown): void => {
			write({ ...results, complete: true });
			if (error !== undefined) reject(error instanceof Error ? error : new Error(String(error)));
			else if (results.failed > 0) reject(new Error(`${results.failed} integration test(s) failed`));
			else resolve();
		};
		// run-integration.ts starts echoing the workbench log at this line; keep the prefix in sync.
		console.log(`cekura integration suite: ${files.length} file(s) in ${__dirname}`);
		if (files.length === 0) {
			finish({ passed: 0, failed: 1, pending: 0 }, new Error(`no *.itest.js files in ${__dirname}`));
			return;
		}
		try {
			const runner = mocha.run(() => finish(counts()));
			const counts = (): Omit<IntegrationResults, 'complete'> => ({ passed: runner.stats?.passes ?? 0, failed: runner.stats?.failures ?? 0, pending: runner.stats?.pending ?? 0 });
			// After each test (and each failed hook): the harness tells a slow run from a hung one by these.
			const progress = (): void => write({ ...counts(), complete: false });
			runner.on('test end', progress);
			runner.on('fail', progress);
		} catch (err) {
			// A test file that throws while loading ends up here.
			finish({ passed: 0, failed: 1, pending: 0 }, err);
		}
	});
}
