import * as vscode from 'vscode';
import { CekuraError } from '../../core/cekuraError';

/*
 * A 404 or 405 means something else in each phase of a test than it does to improve_prompt (where choosing another
 * improvement engine helps): these give it its own words, and the actions that help (settings, log).
 */

/** While the review's runs and their results' passing runs are read. */
export function forReadingScenarios(err: unknown, runIds: readonly number[]): unknown {
	if (err instanceof CekuraError && err.kind === 'notOffered') {
		return new CekuraError('invalidResponse', vscode.l10n.t('Cekura could not find runs {0} or the runs of their results (HTTP {1}): the runs may have been deleted, or cekura.apiBaseUrl points at another server.', runIds.join(', '), err.status ?? '?'), { status: err.status, cause: err });
	}
	return err;
}

/**
 * While the chats are started, driven and scored: a server without API chat (the client's own message says so) is
 * not helped by another improvement engine, only by checking which server the settings name.
 */
export function forChatTest(err: unknown): unknown {
	if (err instanceof CekuraError && err.kind === 'notOffered') return new CekuraError('invalidResponse', err.message, { status: err.status, details: err.details, cause: err });
	return err;
}
