import * as http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** One request as a fault server saw it. */
export interface SeenRequest {
	method: string;
	url: string;
	headers: http.IncomingHttpHeaders;
	body: string;
}

/**
 * Answers a request. It may answer normally, stall, drip, cut the connection (`res.socket.destroy()`) or write raw
 * bytes to the socket; `body` is the request body, already read (unless the server was started with `readBody:
 * false`, for faults during the upload).
 */
export type FaultHandler = (req: http.IncomingMessage, res: http.ServerResponse, body: string, seen: SeenRequest) => unknown;

export interface FaultServer {
	readonly url: string;
	readonly port: number;
	readonly host: string;
	readonly requests: SeenRequest[];
	/** The handler for the next requests. */
	handle(handler: FaultHandler): void;
	/** Closes the server and ends every connection, stalled ones included. */
	close(): Promise<void>;
}

/**
 * A tiny HTTP server on a loopback address that misbehaves on purpose: what `handler` does is the fault. It keeps
 * every socket so that `close()` ends stalled answers too. Not Cekura's service: the faults are of the network and
 * of servers in general, so each test says exactly what it sends.
 */
export async function startFaultServer(options: { host?: string; port?: number; readBody?: boolean } = {}): Promise<FaultServer> {
	const host = options.host ?? '127.0.0.1';
	const sockets = new Set<Socket>();
	const requests: SeenRequest[] = [];
	let handler: FaultHandler = (_req, res) => {
		res.writeHead(500).end();
	};
	const server = http.createServer((req, res) => {
		const seen: SeenRequest = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: '' };
		requests.push(seen);
		const run = (body: string): void => {
			seen.body = body;
			Promise.resolve(handler(req, res, body, seen)).catch(() => res.socket?.destroy());
		};
		if (options.readBody === false) {
			run('');
			return;
		}
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => run(Buffer.concat(chunks).toString('utf8')));
		req.on('error', () => undefined);
	});
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	server.on('clientError', (_err, socket) => socket.destroy());
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, host, () => resolve());
	});
	const port = (server.address() as AddressInfo).port;
	return {
		url: `http://${host}:${port}`,
		port,
		host,
		requests,
		handle(next) {
			handler = next;
		},
		close() {
			for (const socket of sockets) socket.destroy();
			return new Promise((resolve) => server.close(() => resolve()));
		},
	};
}

/** Sends `value` as JSON with `status` and extra headers. */
export function json(res: http.ServerResponse, status: number, value: unknown, headers: http.OutgoingHttpHeaders = {}): void {
	const body = Buffer.from(JSON.stringify(value), 'utf8');
	res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': body.length, ...headers });
	res.end(body);
}

/** Resolves after `ms`, for servers that answer late. */
export function delay(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}
