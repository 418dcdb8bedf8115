import { errorDetail } from '../core/errorMessage';
import type { Log } from './log';

/** Runs `work` without waiting for it; a failure is logged with what was being done, never lost. */
export function inBackground(work: Thenable<unknown>, what: string, log: Log): void {
	work.then(undefined, (err: unknown) => log.error(`${what} failed: ${errorDetail(err)}`));
}
