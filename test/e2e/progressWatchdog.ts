/**
 * Tells a hung run from a slow one: a run is stalled when nothing new has happened for `idleSeconds` (no test
 * finished, no step logged), however long it has taken in all. A slower or busier machine takes longer in total,
 * but still finishes a test every so often; a hung VS Code does not.
 */
export interface Clock {
	now(): number;
	setTimeout(callback: () => void, ms: number): unknown;
	clearTimeout(handle: unknown): void;
}

const REAL_CLOCK: Clock = {
	now: () => Date.now(),
	setTimeout: (callback, ms) => setTimeout(callback, ms),
	clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export class ProgressWatchdog {
	/** Resolves, with what to tell the user, once the run has been idle for too long. */
	readonly stalled: Promise<string>;
	private resolveStalled: (message: string) => void = () => undefined;
	private timer: unknown;
	private lastAt: number;
	private stopped = false;

	constructor(
		private readonly idleSeconds: number,
		private lastWhat: string,
		private readonly clock: Clock = REAL_CLOCK,
	) {
		this.stalled = new Promise((resolve) => (this.resolveStalled = resolve));
		this.lastAt = clock.now();
		this.arm();
	}

	/** Something happened: the idle time starts again. */
	progress(what: string): void {
		if (this.stopped) return;
		this.lastWhat = what;
		this.lastAt = this.clock.now();
		this.clock.clearTimeout(this.timer);
		this.arm();
	}

	stop(): void {
		this.stopped = true;
		this.clock.clearTimeout(this.timer);
	}

	private arm(): void {
		this.timer = this.clock.setTimeout(() => {
			if (this.stopped) return;
			this.stopped = true;
			const idle = Math.round((this.clock.now() - this.lastAt) / 1000);
			this.resolveStalled(`no progress for ${idle} s (E2E_IDLE_SECONDS=${this.idleSeconds}); the last: ${this.lastWhat}`);
		}, this.idleSeconds * 1000);
	}
}

/** E2E_IDLE_SECONDS, or the stage's default; refuses a value that is not a positive number. */
export function idleSecondsFromEnv(fallback: number): number {
	const raw = process.env.E2E_IDLE_SECONDS;
	const value = raw ? Number(raw) : fallback;
	if (!Number.isFinite(value) || value <= 0) throw new Error(`E2E_IDLE_SECONDS must be a positive number, got "${raw}"`);
	return value;
}
