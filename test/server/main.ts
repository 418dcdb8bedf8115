/**
 * Runs the local Cekura server, and the local OpenAI-compatible model server beside it, until SIGINT/SIGTERM:
 *   node out/test/server/main.js [--port N] [--host 127.0.0.1] [--user-data-dir DIR]
 * With --user-data-dir, writes DIR/User/settings.json pointing the extension at both servers: the Extension
 * Development Host of .vscode/launch.json starts with that profile.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { errorMessage } from '../../src/core/errorMessage';
import { DEMO_API_KEY, startCekuraServer } from './cekuraServer';
import { startOpenAiServer } from './openAiServer';

const USAGE = 'Usage: node out/test/server/main.js [--port N] [--host 127.0.0.1] [--user-data-dir DIR]';

interface Args {
	host: string;
	port: number;
	userDataDir: string | undefined;
}

function parseArgs(argv: readonly string[]): Args {
	const args: Args = { host: '127.0.0.1', port: 0, userDataDir: undefined };
	for (let i = 0; i < argv.length; i++) {
		const [flag, inline] = argv[i].split(/=(.*)/s, 2);
		const value = (): string => {
			const v = inline ?? argv[++i];
			if (v === undefined || v === '') throw new Error(`${flag} needs a value.`);
			return v;
		};
		switch (flag) {
			case '--port': {
				const text = value();
				const port = Number(text);
				if (!/^\d+$/.test(text) || port > 65535) throw new Error(`Invalid port: ${text}`);
				args.port = port;
				break;
			}
			case '--host':
				args.host = value();
				break;
			case '--user-data-dir':
				args.userDataDir = path.resolve(value());
				break;
			case '--help':
			case '-h':
				console.log(USAGE);
				process.exit(0);
				break;
			default:
				throw new Error(`Unknown argument: ${argv[i]}`);
		}
	}
	return args;
}

async function main(): Promise<void> {
	const args = parseArgs(process.argv.slice(2));
	const server = await startCekuraServer({ host: args.host, port: args.port });
	const model = await startOpenAiServer({ host: args.host });
	console.log(`Local model server (OpenAI-compatible, no key) listening on ${model.url}`);
	if (args.userDataDir) {
		const settingsFile = path.join(args.userDataDir, 'User', 'settings.json');
		fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
		const settings = { 'cekura.apiBaseUrl': server.url, 'cekura.openaiCompatible.baseUrl': model.url, 'cekura.openaiCompatible.model': 'local-improver' };
		fs.writeFileSync(settingsFile, `${JSON.stringify(settings, null, '\t')}\n`);
		console.log(`User settings for the extension written to ${settingsFile}`);
	}
	// Last: the launch configuration's task waits for this line.
	console.log(`Cekura local server listening on ${server.url} (API key: ${DEMO_API_KEY})`);
	let stopping = false;
	const stop = (): void => {
		if (stopping) return;
		stopping = true;
		Promise.all([server.close(), model.close()]).then(
			() => process.exit(0),
			() => process.exit(1),
		);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
	console.error(errorMessage(err));
	console.error(USAGE);
	process.exit(1);
});
