export type ModelErrorKind =
	| 'unauthorized' // 401: the model API key is missing or wrong
	| 'forbidden' // 403: the key may not use this model
	| 'modelNotFound' // 404: unknown model, or a base URL that is not a Chat Completions server
	| 'badRequest' // 400 and other 4xx
	| 'throttled' // 429 after retries, or a Retry-After too long to wait
	| 'server' // 5xx after retries
	| 'timeout'
	| 'network' // DNS, refused, reset, TLS, proxy, a stream cut short
	| 'invalidResponse' // an answer that is not the expected shape
	| 'truncated' // the model stopped at its output limit, or the stream ended early
	| 'refused' // the model or its content filter declined
	| 'tooLarge' // the prompt and instructions do not fit the model's input limit
	| 'redirect' // a redirect that would carry the key elsewhere
	| 'noModel' // no language model is available or chosen
	| 'cancelled';

interface ModelErrorInit {
	status?: number;
	retryAfterSeconds?: number;
	cause?: unknown;
}

/** A failure of a model engine. Messages name the cause and what to do, and never contain an API key. */
export class ModelError extends Error {
	readonly status: number | undefined;
	readonly retryAfterSeconds: number | undefined;

	constructor(
		readonly kind: ModelErrorKind,
		message: string,
		init: ModelErrorInit = {},
	) {
		super(message, { cause: init.cause });
		this.name = 'ModelError';
		this.status = init.status;
		this.retryAfterSeconds = init.retryAfterSeconds;
	}
}
