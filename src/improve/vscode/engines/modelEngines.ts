import * as vscode from 'vscode';
import { QuickInputIds } from '../../../core/quickInputIds';
import type { CekuraClient } from '../../core/cekuraClient';
import { ModelEngine } from '../../core/engines/modelEngine';
import { errorMessage } from '../../../core/errorMessage';
import { OpenAiChatModel } from '../../core/engines/openAiChatModel';
import { ModelError } from '../../core/modelError';
import { OpenAiCompatibleClient } from '../../core/openAiCompatibleClient';
import { Settings } from '../../../constants';
import type { ApiKeyStore } from '../../../vscode/apiKeyStore';
import type { Log } from '../../../vscode/log';
import { fetchThroughVsCodeProxy } from '../nodeFetch';
import { writeUserSetting, type CekuraSettings } from '../settings';
import type { Ui } from '../../../vscode/userInterface';
import { isBack, type Back, type StepPosition } from '../../../core/quickInputStep';
import { VscodeLmChatModel } from './vscodeLmChatModel';

export interface ModelEngineDeps {
	log: Log;
	ui: Ui;
	modelKeys: ApiKeyStore;
	version: string;
}

/** The language models VS Code offers this extension, in VS Code's order. */
export function availableChatModels(): Thenable<vscode.LanguageModelChat[]> {
	return vscode.lm.selectChatModels();
}

/** The model the setting names (an id, family or name), if VS Code offers it. */
export function matchChatModel(models: readonly vscode.LanguageModelChat[], wanted: string): vscode.LanguageModelChat | undefined {
	const key = wanted.toLowerCase();
	return models.find((m) => m.id.toLowerCase() === key) ?? models.find((m) => m.family.toLowerCase() === key || m.name.toLowerCase() === key);
}

/**
 * The `vscodeLm` engine: the model `cekura.vscodeLm.model` names, or, when it is empty, the only model or the one the
 * user picks (remembered in the setting). Resolves undefined when the user cancels the pick.
 */
export async function vscodeLmEngine(deps: ModelEngineDeps, settings: CekuraSettings, cekura: CekuraClient): Promise<ModelEngine | undefined> {
	const models = await availableChatModels();
	let model: vscode.LanguageModelChat | undefined;
	if (settings.vscodeLmModel) {
		model = matchChatModel(models, settings.vscodeLmModel);
		if (!model) {
			const offered = models.length ? ` ${vscode.l10n.t('VS Code offers: {0}.', models.map((m) => m.id).join(', '))}` : '';
			throw new ModelError('noModel', vscode.l10n.t('The language model "{0}" (cekura.vscodeLm.model) is not available in VS Code.', settings.vscodeLmModel) + offered);
		}
	} else {
		if (models.length === 0) {
			throw new ModelError(
				'noModel',
				vscode.l10n.t('No language model is available in VS Code: install and sign in to GitHub Copilot, or an extension that provides models (and check that chat.disableAIFeatures is off), or choose an OpenAI-compatible server.'),
			);
		}
		const picked = models.length === 1 ? models[0] : await pickChatModel(deps.ui, models);
		if (!picked || isBack(picked)) return undefined;
		model = picked;
		await writeUserSetting(Settings.vscodeLmModel, model.id);
		deps.log.info(`Language model chosen: ${model.name} (${model.id}), remembered in ${Settings.section}.${Settings.vscodeLmModel}.`);
	}
	return new ModelEngine('vscodeLm', new VscodeLmChatModel(model), (ids, signal) => cekura.bulkRuns(ids, signal), deps.log, (text) => deps.log.redact(text));
}

/** The language model to improve prompts with; as a step of the improve flow at `position`. */
export async function pickChatModel(ui: Ui, models: readonly vscode.LanguageModelChat[], position?: StepPosition): Promise<vscode.LanguageModelChat | Back | undefined> {
	const items = models.map((m) => ({ label: m.name, description: `${m.vendor} · ${m.family}`, detail: vscode.l10n.t('{0} input tokens', m.maxInputTokens.toLocaleString(vscode.env.language)), model: m }));
	const options = { id: QuickInputIds.chatModel, title: vscode.l10n.t('Cekura: Which language model should improve prompts?'), placeHolder: vscode.l10n.t('Your choice is remembered in cekura.vscodeLm.model'), ignoreFocusOut: true };
	const picked = position ? await ui.pickStep(items, options, position) : await ui.showQuickPick(items, options);
	return isBack(picked) ? picked : picked?.model;
}

/**
 * The `openaiCompatible` engine: the server `cekura.openaiCompatible.baseUrl` names, with the model API key if one is
 * set. When no model is named, the user picks one from the server's list (remembered in the setting).
 */
export async function openAiEngine(deps: ModelEngineDeps, settings: CekuraSettings, cekura: CekuraClient): Promise<ModelEngine | undefined> {
	const setting = `${Settings.section}.${Settings.openaiBaseUrl}`;
	const baseUrl = settings.openai.baseUrl;
	if (!baseUrl) throw new ModelError('noModel', vscode.l10n.t('No OpenAI-compatible server is set up: set {0}, or run Choose Improvement Engine….', setting));
	if (!baseUrl.ok) throw new ModelError('modelNotFound', baseUrl.message);
	const client = await openAiClient(deps, baseUrl.url, settings.improveTimeoutMs);
	let model = settings.openai.model;
	if (!model) {
		const picked = await pickServerModel(deps, client(''), baseUrl.url);
		if (!picked || isBack(picked)) return undefined;
		model = picked;
		await writeUserSetting(Settings.openaiModel, model);
	}
	const host = new URL(baseUrl.url).host;
	return new ModelEngine('openaiCompatible', new OpenAiChatModel(client(model), vscode.l10n.t('{0} at {1}', model, host), settings.openai.maxInputTokens), (ids, signal) => cekura.bulkRuns(ids, signal), deps.log, (text) => deps.log.redact(text));
}

/** Clients of the server at `baseUrl` (checked), one per model, with the model API key if one is set. */
export async function openAiClient(deps: ModelEngineDeps, baseUrl: string, timeoutMs: number): Promise<(model: string) => OpenAiCompatibleClient> {
	const apiKey = await deps.modelKeys.get();
	return (model) =>
		new OpenAiCompatibleClient({ baseUrl, apiKey, model, fetch: fetchThroughVsCodeProxy, timeoutMs, userAgent: `cekura-prompt-improver/${deps.version}`, log: deps.log });
}

/** The model to use on a server: picked from its list, or typed when the server offers none; as a step of the improve flow at `position`. */
export async function pickServerModel(deps: ModelEngineDeps, client: OpenAiCompatibleClient, baseUrl: string, position?: StepPosition): Promise<string | Back | undefined> {
	let ids: string[] = [];
	try {
		ids = await client.listModels(AbortSignal.timeout(15_000));
	} catch (err) {
		deps.log.warn(`Could not list the models of ${baseUrl}: ${errorMessage(err)}`);
	}
	if (ids.length) {
		const items = ids.map((id) => ({ label: id }));
		const options = { id: QuickInputIds.serverModel, title: vscode.l10n.t('Cekura: Which model of {0}?', new URL(baseUrl).host), placeHolder: vscode.l10n.t('Your choice is remembered in cekura.openaiCompatible.model'), ignoreFocusOut: true };
		const picked = position ? await deps.ui.pickStep(items, options, position) : await deps.ui.showQuickPick(items, options);
		return isBack(picked) ? picked : picked?.label;
	}
	const box = {
		id: QuickInputIds.serverModelName,
		title: vscode.l10n.t('Cekura: Model name'),
		prompt: vscode.l10n.t('The model to use on {0} (sent as "model"), e.g. gpt-4.1 or llama3.1. It is remembered in cekura.openaiCompatible.model.', baseUrl),
		ignoreFocusOut: true,
		validateInput: (value: string) => (value.trim() ? undefined : vscode.l10n.t('Enter the model name.')),
	};
	const typed = position ? await deps.ui.inputStep(box, position) : await deps.ui.showInputBox(box);
	return isBack(typed) ? typed : typed?.trim() || undefined;
}
