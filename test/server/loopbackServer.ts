/**
 * The HTTP plumbing the local fake servers share (Cekura's API in cekuraServer.ts, an OpenAI-compatible one in
 * openAiServer.ts): listening on loopback only, reading whole request bodies, JSON answers, slow answers that end as
 * soon as the client goes away or the server closes, and the `/__control/` endpoints tests use to switch modes, reset
 * and read the recorded requests. Each server keeps its own routes, modes, records and behaviour.
 */
import * as http from 'node:http';
import { isIP } from 'node:net';

/** Where a local server listens. */
export interface LoopbackListenOptions {
	/** Default '127.0.0.1'; anything that is not a loopback address is refused. */
	host?: string;
	/** Default 0 (any free port). */
	port?: number;
}

/** A JSON answer. */
export interface JsonReply {
	status: number;
	body: unknown;
	headers?: Record<string, string>;
}

/** A request outside `/__control/`, body read. */
export interface ApiRequest {
	/** Upper-case. */
	method: string;
	/** The path and query, on a placeholder origin. */
	url: URL;
	/** The body as text; '' without one. */
	body: string;
	headers: http.IncomingHttpHeaders;
	/** When it arrived (Date.now()), before its body was read. */
	at: number;
}

/** What the `/__control/` endpoints read and change on the server that owns them. */
export interface ControlEndpoints<Modes> {
	/** The current modes: the answer of GET and POST /__control/modes and of POST /__control/reset. */
	modes(): Modes;
	/** Checks the object POSTed to /__control/modes; a string is the `detail` of the 400 answer. */
	checkModes(input: unknown): Partial<Modes> | string;
	setModes(modes: Partial<Modes>): void;
	reset(): void;
	/** The answer of GET /__control/requests. */
	requests(): readonly unknown[];
	/** The `detail` of the 400 answer when the body POSTed to /__control/modes is not JSON. */
	notJsonDetail: string;
}

export interface LoopbackServerOptions<Modes> {
	/** Default '127.0.0.1'; anything that is not a loopback address is refused. */
	host?: string;
	/** Names the server in the refusal of a host that is not loopback, e.g. 'local Cekura server'. */
	name: string;
	/** Answers every request outside `/__control/`. */
	handle(request: ApiRequest, res: http.ServerResponse): Promise<void>;
	/** Sent when `handle` fails before it answered. */
	internalError: JsonReply;
	control: ControlEndpoints<Modes>;
}

/** Sends `reply` as JSON, unless an answer was already started or the client went away. */
export function sendJson(res: http.ServerResponse, reply: JsonReply): void {
	if (res.headersSent || res.destroyed) return;
	const text = JSON.stringify(reply.body);
	res.writeHead(reply.status, { ...reply.headers, 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(text)) });
	res.end(text);
}

/** A request body as a record keeps it: parsed JSON, the raw text when it is not JSON, or undefined without a body. */
export function parseRecordedBody(raw: string): unknown {
	if (raw === '') return undefined;
	try {
		return JSON.parse(raw) as unknown;
	} catch {
		return raw;
	}
}

/** Records when the answer was sent in full (`answeredAt`) and its status, or that the client went away before (`aborted`). */
export function trackResponse(record: { aborted: boolean; answeredAt?: number; answeredStatus?: number }, res: http.ServerResponse): void {
	res.on('finish', () => {
		record.answeredAt = Date.now();
		record.answeredStatus = res.statusCode;
	});
	res.on('close', () => {
		if (!res.writableFinished) record.aborted = true;
	});
}

/** An HTTP server on a loopback address that answers `/__control/` itself and hands every other request on. */
export class LoopbackServer<Modes> {
	private readonly server: http.Server;
	private readonly host: string;
	/** Cancels pending waits, so that close() is not held up by them. */
	private readonly pendingWaits = new Set<() => void>();
	private closing: Promise<void> | undefined;
	private boundPort = 0;

	/** Throws when the host is not a loopback address. */
	constructor(private readonly options: LoopbackServerOptions<Modes>) {
		this.host = options.host ?? '127.0.0.1';
		if (!isLoopbackHost(this.host)) {
			throw new Error(`Refusing to listen on "${this.host}": the ${options.name} only listens on loopback addresses (127.0.0.1, ::1, localhost).`);
		}
		this.server = http.createServer((req, res) => {
			this.handle(req, res).catch(() => {
				if (!res.headersSent && !res.destroyed) sendJson(res, options.internalError);
				else res.destroy();
			});
		});
	}

	/** Port 0 (the default) takes any free port. */
	listen(port = 0): Promise<void> {
		return new Promise((resolve, reject) => {
			this.server.once('error', reject);
			this.server.listen(port, this.host, () => {
				this.server.off('error', reject);
				const address = this.server.address();
				this.boundPort = typeof address === 'object' && address !== null ? address.port : port;
				resolve();
			});
		});
	}

	get port(): number {
		return this.boundPort;
	}

	/** What a client's Host header says: '127.0.0.1:43210', '[::1]:43210'. */
	get hostHeader(): string {
		return `${isIP(this.host) === 6 ? `[${this.host}]` : this.host}:${this.boundPort}`;
	}

	/** E.g. 'http://127.0.0.1:43210'. */
	get origin(): string {
		return `http://${this.hostHeader}`;
	}

	/** Resolves true after `ms`, or false as soon as the client disconnects or the server closes. */
	wait(ms: number, res: http.ServerResponse): Promise<boolean> {
		return new Promise((resolve) => {
			if (res.destroyed) {
				resolve(false);
				return;
			}
			const finish = (completed: boolean): void => {
				clearTimeout(timer);
				res.off('close', onClose);
				this.pendingWaits.delete(cancel);
				resolve(completed);
			};
			const onClose = (): void => finish(false);
			const cancel = (): void => finish(false);
			const timer = setTimeout(() => finish(true), ms);
			res.on('close', onClose);
			this.pendingWaits.add(cancel);
		});
	}

	/** Closes the server and destroys open sockets, pending waits included. */
	close(): Promise<void> {
		if (!this.closing) {
			for (const cancel of [...this.pendingWaits]) cancel();
			this.closing = new Promise((resolve) => {
				this.server.close(() => resolve());
				this.server.closeAllConnections();
			});
		}
		return this.closing;
	}

	private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
		const at = Date.now();
		const body = await readBody(req);
		const url = new URL(`http://local${req.url?.startsWith('/') ? req.url : '/'}`);
		const method = (req.method ?? 'GET').toUpperCase();
		if (url.pathname === '/__control' || url.pathname.startsWith('/__control/')) {
			sendJson(res, controlReply(method, url.pathname, body, this.options.control));
			return;
		}
		await this.options.handle({ method, url, body, headers: req.headers, at }, res);
	}
}

function isLoopbackHost(host: string): boolean {
	if (host.toLowerCase() === 'localhost') return true;
	const bare = host.replace(/^\[(.*)\]$/, '$1');
	const family = isIP(bare);
	if (family === 4) return bare.startsWith('127.');
	if (family === 6) return bare === '::1' || /^0{0,4}(:0{0,4}){6}:0{0,3}1$/.test(bare) || /^::ffff:127\./i.test(bare);
	return false;
}

function readBody(req: http.IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

function detail(status: number, message: string, headers?: Record<string, string>): JsonReply {
	return { status, body: { detail: message }, headers };
}

/** GET/POST /__control/modes, POST /__control/reset, GET /__control/requests. */
function controlReply<Modes>(method: string, path: string, body: string, control: ControlEndpoints<Modes>): JsonReply {
	const notAllowed = (allow: string): JsonReply => detail(405, `Method "${method}" not allowed.`, { Allow: allow });
	switch (path.replace(/^\/__control\/?/, '').replace(/\/$/, '')) {
		case 'modes': {
			if (method === 'GET') return { status: 200, body: { modes: control.modes() } };
			if (method !== 'POST') return notAllowed('GET, POST');
			let input: unknown = {};
			if (body.trim() !== '') {
				try {
					input = JSON.parse(body);
				} catch {
					return detail(400, control.notJsonDetail);
				}
			}
			const checked = control.checkModes(input);
			if (typeof checked === 'string') return detail(400, checked);
			control.setModes(checked);
			return { status: 200, body: { modes: control.modes() } };
		}
		case 'reset':
			if (method !== 'POST') return notAllowed('POST');
			control.reset();
			return { status: 200, body: { modes: control.modes() } };
		case 'requests':
			if (method !== 'GET') return notAllowed('GET');
			return { status: 200, body: control.requests() };
		default:
			return detail(404, 'Not found.');
	}
}
