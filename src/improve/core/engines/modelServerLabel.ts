import * as l10n from '@vscode/l10n';
import { isLoopbackHost } from '../baseUrl';

// How labels (the review's title, its summary, the engine picker, progress) name a model of an OpenAI-compatible
// server: "gpt-4.1 at api.openai.com". A server on the machine the extension runs on (Ollama, LM Studio) is "llama3.1
// (local server)": "127.0.0.1:11434" says less to a reader than that. The full URL stays in the engine picker's detail
// and in the log.

/** "{model} at {host}", or "{model} (local server)" for a loopback server. */
export function modelOnServer(model: string, baseUrl: string): string {
	const url = new URL(baseUrl);
	return isLoopbackHost(url.hostname) ? l10n.t('{0} (local server)', model) : l10n.t('{0} at {1}', model, url.host);
}

/** The button that chooses the server's model (`model` '' when none is named yet). */
export function useModelOnServer(model: string, baseUrl: string): string {
	const url = new URL(baseUrl);
	if (isLoopbackHost(url.hostname)) return model ? l10n.t('Use {0} (local server)', model) : l10n.t('Use a model of the local server');
	return model ? l10n.t('Use {0} at {1}', model, url.host) : l10n.t('Use a model at {0}', url.host);
}
