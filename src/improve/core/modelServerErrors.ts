import * as l10n from '@vscode/l10n';
import { isObject } from './jsonObject';
import { type BodyCharsetError, formatBytes } from './httpBody';
import { ModelError } from './modelError';
import { SETTING_BASE_URL, SETTING_MODEL } from './modelServerSettings';
import { redactAndShorten } from './shownText';

/** What the messages about a model server name. */
export interface ModelServer {
	origin: string;
	baseUrl: string;
	model: string;
	apiKey?: string;
}

/** The ModelError of an answer that is not 2xx, for a chat request or the model list, with what the server said. */
export function modelStatusError(server: ModelServer, mode: 'chat' | 'models', status: number, text: string, retryAfterSeconds: number | undefined): ModelError {
	const said = serverMessage(text, server.apiKey);
	const detail = said ? `: ${said}` : '.';
	const init = { status, retryAfterSeconds };
	if (status === 400 && /context.length|maximum context|too many tokens|context_length_exceeded/i.test(text)) {
		return new ModelError('tooLarge', l10n.t('The model server at {0} says the request is longer than model "{1}" accepts (400){2} Use fewer runs, or choose a model with a larger context window.', server.origin, server.model, detail), init);
	}
	switch (status) {
		case 401:
			return new ModelError('unauthorized', server.apiKey
				? l10n.t('The model server at {0} rejected the model API key (401){1} Run "Set Model API Key" to enter a valid key.', server.origin, detail)
				: l10n.t('The model server at {0} rejected the request without an API key (401){1} Run "Set Model API Key" to enter a valid key.', server.origin, detail), init);
		case 403:
			return new ModelError('forbidden', l10n.t('The model server at {0} does not allow this API key to use model "{1}" (403){2}', server.origin, server.model, detail), init);
		case 404:
			return new ModelError(
				'modelNotFound',
				mode === 'chat'
					? l10n.t('The model server at {0} has no model "{1}", or {2} is not an OpenAI-compatible base URL (HTTP 404){3} Check {4}, and {5} (it usually ends in /v1).', server.origin, server.model, server.baseUrl, detail, SETTING_MODEL, SETTING_BASE_URL)
					: l10n.t('The model server at {0} offers no model list at {1} (HTTP 404){2} Check {3} (it usually ends in /v1).', server.origin, `${server.baseUrl}/models`, detail, SETTING_BASE_URL),
				init,
			);
		case 429: {
			const when = retryAfterSeconds !== undefined ? l10n.t('Try again in {0} s.', retryAfterSeconds) : l10n.t('Try again in a minute.');
			return new ModelError('throttled', `${l10n.t('The model server at {0} is limiting requests (429) and did not answer{1}', server.origin, detail)} ${when}`, init);
		}
		default:
			if (status >= 500) return new ModelError('server', l10n.t('The model server at {0} failed (HTTP {1}){2} Try again later.', server.origin, status, detail), init);
			return new ModelError('badRequest', l10n.t('The model server at {0} refused the request (HTTP {1}){2}', server.origin, status, detail), init);
	}
}

/** The message of an error answer (`{error: "…"}`, `{error: {message}}`, `{message}` or plain text), keys taken out. */
function serverMessage(text: string, apiKey: string | undefined): string {
	let said: string | undefined;
	try {
		const json: unknown = JSON.parse(text);
		const error = isObject(json) ? json.error : undefined;
		said = typeof error === 'string' ? error : isObject(error) && typeof error.message === 'string' ? error.message : isObject(json) && typeof json.message === 'string' ? json.message : undefined;
	} catch {
		said = undefined;
	}
	if (said === undefined && text.trim() !== '' && !/^\s*</.test(text)) said = text.trim();
	if (!said) return '';
	return redactAndShorten(said.replace(/\s+/g, ' '), 300, [apiKey]);
}

export function tooLong(maxBytes: number): ModelError {
	return new ModelError('invalidResponse', l10n.t('The model server\'s answer is larger than {0} (the most the extension reads) and was not read to the end. Check {1} and {2}.', formatBytes(maxBytes), SETTING_BASE_URL, SETTING_MODEL));
}

export function notText(err: BodyCharsetError): ModelError {
	return new ModelError('invalidResponse', l10n.t('The model server\'s answer is not valid {0} text (the character set it declares, or UTF-8), so it was not used.', err.charset), { cause: err });
}
