import { CekuraError } from './cekuraError';
import { ModelError } from './modelError';

/** The user cancelled (or the request was aborted on their behalf): never an error to show. */
export function isCancellation(err: unknown): boolean {
	return (err instanceof CekuraError || err instanceof ModelError) && err.kind === 'cancelled';
}
