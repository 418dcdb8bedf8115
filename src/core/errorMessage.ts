/** The message of anything thrown: an Error's message, or the value as text. */
export function errorMessage(err: unknown): string {
	return err instanceof Error ? err.message : String(err);
}

/** For the log of an unexpected failure: the stack when there is one (it helps a bug report), else the message. */
export function errorDetail(err: unknown): string {
	return err instanceof Error && err.stack ? err.stack : errorMessage(err);
}
