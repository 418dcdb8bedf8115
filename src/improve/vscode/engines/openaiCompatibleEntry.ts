import * as vscode from 'vscode';
import type { CekuraClient } from '../../core/cekuraClient';
import { openAiServerAvailability } from '../../core/engines/engineAvailability';
import { ModelEngine } from '../../core/engines/modelEngine';
import { modelOnServer } from '../../core/engines/modelServerLabel';
import { errorMessage } from '../../../core/errorMessage';
import { OpenAiChatModel } from '../../core/engines/openAiChatModel';
import { OpenAiCompatibleClient } from '../../core/openAiCompatibleClient';
import { Settings } from '../../../constants';
import { fetchThroughVsCodeProxy } from '../nodeFetch';
import { writeUserSetting, type CekuraSettings } from '../settings';
import { currentMark, type EngineDeps, type EngineEntry, type EngineItem } from './engineEntry';
import { QuickInputIds } from '../../../core/quickInputIds';
import { isBack, type Back, type StepPosition } from '../../../core/quickInputStep';

/** A model on an OpenAI-compatible server (OpenAI, Azure OpenAI, OpenRouter, Ollama, LM Studio). */
export const openaiCompatibleEntry: EngineEntry = {
	pickItems: async (settings) => {
		const items: EngineItem[] = [{ label: vscode.l10n.t('OpenAI-compatible server'), kind: vscode.QuickPickItemKind.Separator }];
		const server = settings.openai.baseUrl;
		if (server?.ok && settings.openai.model) {
			items.push({
				label: modelOnServer(settings.openai.model, server.url),
				description: currentMark(settings, 'openaiCompatible').replace(/ · $/, ''),
				detail: vscode.l10n.t('The prompt and the runs\' evidence go to {0}.', server.url),
				engine: 'openaiCompatible',
			});
		}
		items.push({ label: vscode.l10n.t('Set up an OpenAI-compatible server…'), description: 'OpenAI, Azure OpenAI, OpenRouter, Ollama, LM Studio', setUpServer: true });
		return items;
	},
	availability: async (settings) => openAiServerAvailability(settings.openai),
	create: openAiEngine,
};

/**
 * The `openaiCompatible` engine: the server `cekura.openaiCompatible.baseUrl` names, with the model API key if one is
 * set. When no model is named, the user picks one from the server's list (remembered in the setting).
 */
async function openAiEngine(deps: EngineDeps, settings: CekuraSettings, cekura: CekuraClient): Promise<ModelEngine | undefined> {
	const model = await openAiModel(deps, settings);
	return model && new ModelEngine('openaiCompatible', model, (ids, signal) => cekura.bulkRuns(ids, signal), deps.log, (text) => deps.log.redact(text));
}

/** The server's model the `openaiCompatible` engine uses (picked and remembered when none is named); undefined when the user cancels. */
export async function openAiModel(deps: EngineDeps, settings: CekuraSettings): Promise<OpenAiChatModel | undefined> {
	const available = openAiServerAvailability(settings.openai);
	if (!available.usable) throw available.error;
	const baseUrl = available.found;
	const client = await openAiClient(deps, baseUrl, settings.improveTimeoutMs);
	let model = settings.openai.model;
	if (!model) {
		const picked = await pickServerModel(deps, client(''), baseUrl);
		if (!picked || isBack(picked)) return undefined;
		model = picked;
		await writeUserSetting(Settings.openaiModel, model);
	}
	return new OpenAiChatModel(client(model), modelOnServer(model, baseUrl), settings.openai.maxInputTokens);
}

/** Clients of the server at `baseUrl` (checked), one per model, with the model API key if one is set. */
export async function openAiClient(deps: EngineDeps, baseUrl: string, timeoutMs: number): Promise<(model: string) => OpenAiCompatibleClient> {
	const apiKey = await deps.modelKeys.get();
	return (model) =>
		new OpenAiCompatibleClient({ baseUrl, apiKey, model, fetch: fetchThroughVsCodeProxy, timeoutMs, userAgent: `cekura-prompt-improver/${deps.version}`, log: deps.log });
}

/** The model to use on a server: picked from its list, or typed when the server offers none; as a step of the improve flow at `position`. */
export async function pickServerModel(deps: EngineDeps, client: OpenAiCompatibleClient, baseUrl: string, position?: StepPosition): Promise<string | Back | undefined> {
	let ids: string[] = [];
	try {
		ids = await client.listModels(AbortSignal.timeout(15_000));
	} catch (err) {
		deps.log.warn(`Could not list the models of ${baseUrl}: ${errorMessage(err)}`);
	}
	if (ids.length) {
		const items = ids.map((id) => ({ label: id }));
		const options = { id: QuickInputIds.serverModel, title: vscode.l10n.t('Cekura: Which model of {0}?', new URL(baseUrl).host), placeHolder: vscode.l10n.t('Your choice is remembered in cekura.openaiCompatible.model'), ignoreFocusOut: true };
		const picked = await deps.ui.pick(items, options, position);
		return isBack(picked) ? picked : picked?.label;
	}
	const box = {
		id: QuickInputIds.serverModelName,
		title: vscode.l10n.t('Cekura: Model name'),
		prompt: vscode.l10n.t('The model to use on {0} (sent as "model"), e.g. gpt-4.1 or llama3.1. It is remembered in cekura.openaiCompatible.model.', baseUrl),
		ignoreFocusOut: true,
		validateInput: (value: string) => (value.trim() ? undefined : vscode.l10n.t('Enter the model name.')),
	};
	const typed = await deps.ui.ask(box, position);
	return isBack(typed) ? typed : typed?.trim() || undefined;
}
