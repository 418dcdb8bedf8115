/** The bounds and default of `cekura.requestTimeoutSeconds`, as the manifest declares them. */
export const REQUEST_TIMEOUT_SECONDS = { min: 5, max: 900, default: 120 } as const;

/**
 * The deadline `cekura.requestTimeoutSeconds` gives, in milliseconds: whole seconds (16.1 is 16), held within the
 * manifest's 5–900 (4.5 is 5, 1e9 is 900), and the default for anything that is not a finite number. VS Code does
 * not enforce the manifest's bounds on a settings.json, and `AbortSignal.timeout` throws a RangeError for a delay
 * that is not a whole number of milliseconds or is above 2³²−1, which every request would then fail with.
 */
export function requestTimeoutMs(seconds: unknown): number {
	const { min, max } = REQUEST_TIMEOUT_SECONDS;
	const whole = typeof seconds === 'number' && Number.isFinite(seconds) ? Math.round(seconds) : REQUEST_TIMEOUT_SECONDS.default;
	return Math.min(max, Math.max(min, whole)) * 1000;
}
