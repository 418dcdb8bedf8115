import { isCancellation } from '../../core/cancellation';
import type { Logger } from '../../core/logger';
import { actionsFor, type ErrorAction } from './errorActions';

/** The actions the caller acts on; Open Settings and Show Log are done by the `ErrorPrompt` itself. */
type Remedy = Extract<ErrorAction, 'setApiKey' | 'setModelApiKey' | 'chooseEngine'>;

/** Shows an error (and logs it) with the actions it offers; resolves the one chosen, undefined when closed. */
export interface ErrorPrompt {
	show(err: unknown, actions: readonly ErrorAction[]): PromiseLike<ErrorAction | undefined>;
}

/** The remedies the caller can apply, each resolving whether the user went through with it (a key was set…). */
export type Remedies = Partial<Record<Remedy, () => PromiseLike<boolean>>>;

/** Returned by an attempt that should simply be made again (the user chose another engine on the way). */
export const AGAIN = Symbol('again');

export interface Recovery {
	errors: ErrorPrompt;
	remedies: Remedies;
	log: Logger;
	/** The log line when the user cancels. */
	cancelled: string;
	/** Whether an error of a model engine comes from one whose key the user can set (asked when the error is shown). */
	keyedModel?: () => boolean;
	/** An error the caller handles without showing it (`auto`'s fallback to a model): true to attempt again. */
	handled?: (err: unknown) => boolean;
	/** After the user acted on an error, before the next attempt. */
	beforeRetry?: () => void;
}

/**
 * Makes `attempt` until it resolves something other than `AGAIN`. An error is shown with the actions that help (Set
 * API Key, Retry, Choose Improvement Engine…); after the user acted on it the attempt is made again. Resolves
 * undefined when the user cancelled (never shown as an error) or gave up.
 */
export async function retryOnError<T>(attempt: () => Promise<T | typeof AGAIN>, recovery: Recovery): Promise<T | undefined> {
	for (;;) {
		try {
			const result = await attempt();
			if (result !== AGAIN) return result;
		} catch (err) {
			if (isCancellation(err)) {
				recovery.log.info(recovery.cancelled);
				return undefined;
			}
			if (recovery.handled?.(err)) continue;
			if (!(await actOn(err, recovery))) return undefined;
			recovery.beforeRetry?.();
		}
	}
}

/** Shows `err` with its actions and applies the remedy chosen; true when the attempt should be made again. */
async function actOn(err: unknown, recovery: Recovery): Promise<boolean> {
	const action = await recovery.errors.show(err, actionsFor(err, recovery.keyedModel?.() ?? false));
	if (action === 'retry') return true;
	const remedy = action === 'setApiKey' || action === 'setModelApiKey' || action === 'chooseEngine' ? recovery.remedies[action] : undefined;
	return remedy ? remedy() : false;
}
