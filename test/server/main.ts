/**
 * Runs the local Cekura server until SIGINT/SIGTERM:
 *   node out/test/server/main.js [--port N] [--host 127.0.0.1]
 */
import { DEMO_API_KEY, startCekuraServer } from './cekuraServer';

const USAGE = 'Usage: node out/test/server/main.js [--port N] [--host 127.0.0.1]';

interface Args {
	host: string;
	port: number;
}

function parseArgs(argv: readonly string[]): Args {
	const args: Args = { host: '127.0.0.1', port: 0 };
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
	console.log(`Cekura local server listening on ${server.url} (API key: ${DEMO_API_KEY})`);
	let stopping = false;
	const stop = (): void => {
		if (stopping) return;
		stopping = true;
		server.close().then(
			() => process.exit(0),
			() => process.exit(1),
		);
	};
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

main().catch((err: unknown) => {
	console.error(err instanceof Error ? err.message : String(err));
	console.error(USAGE);
	process.exit(1);
});
