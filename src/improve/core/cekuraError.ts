export type CekuraErrorKind =
	| 'unauthorized' // 401: the key is missing or wrong
	| 'forbidden' // 403: the key may not do this
	| 'notOffered' // 404/405/410 on the endpoint: this server does not offer it
	| 'badRequest' // 400 with the server's field messages
	| 'conflict' // 409: e.g. an API chat's run is still starting, or has already ended
	| 'throttled' // 429 after retries, or a Retry-After too long to wait
	| 'server' // 5xx after retries
	| 'timeout'
	| 'network' // DNS, refused, reset, TLS, proxy
	| 'invalidResponse' // 2xx that is not the documented JSON
	| 'redirect' // a redirect that would carry the key elsewhere
	| 'cancelled';

interface CekuraErrorInit {
	status?: number;
	/** Lines from the server's error body, e.g. "run_ids: Ensure this field has no more than 3 elements." */
	details?: string[];
	retryAfterSeconds?: number;
	cause?: unknown;
}

export class CekuraError extends Error {
	readonly status: number | undefined;
	readonly details: string[];
	readonly retryAfterSeconds: number | undefined;

	constructor(
		readonly kind: CekuraErrorKind,
		message: string,
		init: CekuraErrorInit = {},
	) {
		super(message, { cause: init.cause });
		this.name = 'CekuraError';
		this.status = init.status;
		this.details = init.details ?? [];
		this.retryAfterSeconds = init.retryAfterSeconds;
	}
}
