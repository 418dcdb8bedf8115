import * as l10n from '@vscode/l10n';
import type { BaseUrlCheck } from '../baseUrl';
import { ModelError } from '../modelError';
import { SETTING_BASE_URL } from '../modelServerSettings';
import { useModelOnServer } from './modelServerLabel';

/**
 * Whether an engine can be used now. When it can: the button that offers it when Cekura does not offer improve_prompt,
 * and what was found (the model to use, when there is only one choice). When not: the error that says why, which is
 * what setting the engine up rejects with.
 */
export type Availability<T = undefined> = { usable: true; offer: string; found: T } | { usable: false; error: ModelError };

/** What a language model of VS Code is known by. */
interface ChatModelName {
	id: string;
	family: string;
	name: string;
}

/** The model the setting names (an id, family or name), if it is among `models`. */
function matchChatModel<M extends ChatModelName>(models: readonly M[], wanted: string): M | undefined {
	const key = wanted.toLowerCase();
	return models.find((m) => m.id.toLowerCase() === key) ?? models.find((m) => m.family.toLowerCase() === key || m.name.toLowerCase() === key);
}

/**
 * The `vscodeLm` engine among the models VS Code offers: the one `cekura.vscodeLm.model` names (`wanted`), or when it
 * is empty, the only one, or a pick among several (`found` undefined).
 */
export function languageModelAvailability<M extends ChatModelName>(models: readonly M[], wanted: string): Availability<M | undefined> {
	if (wanted) {
		// A model named in the settings that VS Code does not offer (any more) is not set up.
		const named = matchChatModel(models, wanted);
		if (named) return { usable: true, offer: l10n.t('Use {0} via VS Code', named.name), found: named };
		const offered = models.length ? ` ${l10n.t('VS Code offers: {0}.', models.map((m) => m.id).join(', '))}` : '';
		return { usable: false, error: new ModelError('noModel', l10n.t('The language model "{0}" (cekura.vscodeLm.model) is not available in VS Code.', wanted) + offered) };
	}
	if (models.length === 0) {
		return {
			usable: false,
			error: new ModelError(
				'noModel',
				l10n.t('No language model is available in VS Code: install and sign in to GitHub Copilot, or an extension that provides models (and check that chat.disableAIFeatures is off), or choose an OpenAI-compatible server.'),
			),
		};
	}
	if (models.length === 1) return { usable: true, offer: l10n.t('Use {0} via VS Code', models[0].name), found: models[0] };
	return { usable: true, offer: l10n.t('Use a Language Model in VS Code…'), found: undefined };
}

/** The `openaiCompatible` engine: a server is set up when `cekura.openaiCompatible.baseUrl` is set and valid. */
export function openAiServerAvailability(openai: { baseUrl: BaseUrlCheck | undefined; model: string }): Availability<string> {
	const server = openai.baseUrl;
	if (!server) return { usable: false, error: new ModelError('noModel', l10n.t('No OpenAI-compatible server is set up: set {0}, or run Choose Improvement Engine….', SETTING_BASE_URL)) };
	if (!server.ok) return { usable: false, error: new ModelError('modelNotFound', server.message) };
	return { usable: true, offer: useModelOnServer(openai.model, server.url), found: server.url };
}
