import { cancellableSleep } from './cancellableSleep';

/** How a client sends again after an answer that says the request was not done (429, 503…). */
export interface RetryOptions {
	/** Retries of a retryable answer; default 3. */
	maxRetries?: number;
	/** A Retry-After longer than this is not waited for: the error says when to try again; default 60. */
	maxRetryWaitSeconds?: number;
	/** Wait before a retry when the server sends no Retry-After, doubled each time; default 1000. */
	retryBaseDelayMs?: number;
	sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

export class RetryPolicy {
	readonly maxRetries: number;
	readonly sleep: (ms: number, signal: AbortSignal) => Promise<void>;
	private readonly maxRetryWaitSeconds: number;
	private readonly retryBaseDelayMs: number;

	constructor(options: RetryOptions) {
		this.maxRetries = options.maxRetries ?? 3;
		this.maxRetryWaitSeconds = options.maxRetryWaitSeconds ?? 60;
		this.retryBaseDelayMs = options.retryBaseDelayMs ?? 1000;
		this.sleep = options.sleep ?? cancellableSleep;
	}

	/**
	 * How long to wait before attempt `attempt + 1`, or undefined when this answer is final: its status is not in
	 * `retryable`, the retries are used up, its Retry-After is longer than allowed, or the wait would pass `deadline`.
	 */
	waitMs(status: number, retryable: ReadonlySet<number>, retryAfter: number | undefined, attempt: number, deadline: number): number | undefined {
		if (!retryable.has(status) || attempt >= this.maxRetries) return undefined;
		if (retryAfter !== undefined && retryAfter > this.maxRetryWaitSeconds) return undefined;
		const waitMs = retryAfter !== undefined ? retryAfter * 1000 : this.retryBaseDelayMs * 2 ** attempt;
		return Date.now() + waitMs < deadline ? waitMs : undefined;
	}
}
