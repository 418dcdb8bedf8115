import * as l10n from '@vscode/l10n';
import { CekuraError } from './cekuraError';
import { errorBodyLines, parseBody, shortenLines } from './errorBody';

/**
 * The CekuraError of an answer that is not 2xx: its status in words, naming the operation (`name`: "improve_prompt",
 * "the run list"), with the lines of the server's error body, keys taken out.
 */
export function cekuraStatusError(name: string, status: number, body: string, retryAfterSeconds: number | undefined, apiKey: string): CekuraError {
	const details = shortenLines(errorBodyLines(parseBody(body)), [apiKey]);
	const init = { status, details, retryAfterSeconds };
	const said = details.length ? `: ${details.join(' ')}` : '.';
	switch (status) {
		case 400:
			return new CekuraError('badRequest', l10n.t('Cekura rejected {0} (400){1}', name, said), init);
		case 401:
			return new CekuraError('unauthorized', l10n.t('Cekura rejected the API key (401){0}', said), init);
		case 403:
			return new CekuraError('forbidden', l10n.t('This API key is not allowed to use {0} (403){1}', name, said), init);
		case 404:
		case 405:
		case 410:
			return new CekuraError(
				'notOffered',
				l10n.t('This Cekura server does not offer {0} (HTTP {1}). Check cekura.apiBaseUrl, or ask Cekura whether your account still has {0}.', name, status),
				init,
			);
		case 409:
			return new CekuraError('conflict', l10n.t('Cekura refused {0} (409): the run is still starting, or has already ended{1}', name, said), init);
		case 429: {
			const when = retryAfterSeconds !== undefined ? l10n.t('Try again in {0} s.', retryAfterSeconds) : l10n.t('Try again in a minute.');
			return new CekuraError('throttled', `${l10n.t('Cekura is limiting requests (429) and {0} was not done.', name)} ${when}`, init);
		}
		default:
			if (status >= 500) {
				return new CekuraError('server', l10n.t('Cekura\'s server failed on {0} (HTTP {1}){2} Try again later.', name, status, said), init);
			}
			return new CekuraError('badRequest', l10n.t('Cekura refused {0} (HTTP {1}){2}', name, status, said), init);
	}
}
