import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Runs every unit test file in out/test/unit with node's test runner and ends with `unit: N passed, M failed`. */
function main(): number {
	const dir = path.join(__dirname, 'unit');
	const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.test.js')).map((f) => path.join(dir, f)) : [];
	if (files.length === 0) {
		console.log(`No unit test files in ${dir}: run \`node esbuild.js\` first.`);
		console.log('unit: 0 passed, 1 failed');
		return 1;
	}
	const result = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...files], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
	process.stdout.write(result.stdout);
	const count = (name: string): number | undefined => {
		const m = new RegExp(`^\\S*\\s*${name} (\\d+)$`, 'm').exec(result.stdout);
		return m ? Number(m[1]) : undefined;
	};
	const passed = count('pass');
	const failed = count('fail');
	if (passed === undefined || failed === undefined) {
		console.log('unit: 0 passed, 1 failed');
		return 1;
	}
	console.log(`unit: ${passed} passed, ${failed} failed`);
	return failed > 0 || result.status !== 0 ? 1 : 0;
}

process.exitCode = main();
