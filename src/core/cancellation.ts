/**
 * The user cancelled (or the request was aborted on their behalf): never an error to show. Checked by name rather
 * than `instanceof`: the command wrappers live in the main bundle, while the errors are thrown by the lazily loaded
 * dist/improve.js, whose classes are its own.
 */
export function isCancellation(err: unknown): boolean {
	return err instanceof Error && (err.name === 'CekuraError' || err.name === 'ModelError') && (err as { kind?: unknown }).kind === 'cancelled';
}
