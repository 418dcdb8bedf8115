import * as vscode from 'vscode';
import type { CekuraClient } from '../../core/cekuraClient';
import { CekuraEngine } from '../../core/engines/cekuraEngine';
import type { ImproveEngine } from '../../../core/engines/improveEngine';
import { FALLBACK_ENGINE_KEY } from '../../../constants';
import { readSettings, type CekuraSettings } from '../settings';
import { availableChatModels, matchChatModel, openAiEngine, vscodeLmEngine, type ModelEngineDeps } from './modelEngines';

type ModelKind = 'vscodeLm' | 'openaiCompatible';

const chooseLabel = (): string => vscode.l10n.t('Choose Improvement Engine…');

/** Which engine rewrites a prompt: the one the settings name, or under `auto`, a model when Cekura does not offer improve_prompt. */
export class ImproveEngines {
	constructor(
		private readonly deps: ModelEngineDeps & { globalState: vscode.Memento },
		/** Runs Choose Improvement Engine…; resolves whether the user chose one. */
		private readonly chooseEngine: () => Promise<boolean>,
	) {}

	/** The engine the settings name (Cekura's under `auto`). Undefined when the user cancels a model pick. */
	async configured(settings: CekuraSettings, cekura: CekuraClient): Promise<ImproveEngine | undefined> {
		switch (settings.engine) {
			case 'auto':
			case 'cekura':
				return new CekuraEngine(cekura);
			case 'vscodeLm':
			case 'openaiCompatible':
				return this.model(settings.engine, settings, cekura);
		}
	}

	/**
	 * Under `auto`, after Cekura's server answered `status` (404, 405, 410) to improve_prompt: the model engine to use
	 * instead. The first time it says so plainly and asks, and the answer is remembered on this machine.
	 */
	async fallback(settings: CekuraSettings, cekura: CekuraClient, status: number | undefined): Promise<ImproveEngine | undefined> {
		const { log, ui } = this.deps;
		const remembered = this.deps.globalState.get<ModelKind>(FALLBACK_ENGINE_KEY);
		const candidates = await this.candidates(settings);
		if (remembered && candidates.some((c) => c.kind === remembered)) {
			log.info(`This Cekura server does not offer improve_prompt (HTTP ${status ?? '?'}); improving with the engine chosen before (${remembered}).`);
			return this.model(remembered, settings, cekura);
		}
		const why = vscode.l10n.t('This Cekura server does not offer improve_prompt (HTTP {0}), so Cekura cannot rewrite the prompt.', status ?? '?');
		const CHOOSE = chooseLabel();
		log.warn(why);
		if (candidates.length === 0) {
			const choice = await ui.message(
				'warning',
				vscode.l10n.t('Cekura: {0} No other engine is set up: choose a language model you have in VS Code (such as GitHub Copilot\'s) or an OpenAI-compatible server (OpenAI, Azure OpenAI, OpenRouter, Ollama, LM Studio).', why),
				CHOOSE,
			);
			return choice === CHOOSE && (await this.chooseEngine()) ? this.configured(readSettings(), cekura) : undefined;
		}
		const choice = await ui.showMessage(
			'warning',
			vscode.l10n.t('{0} Improve it with a model you have instead, grounded in the same runs\' evidence from Cekura? Your choice is remembered on this machine; Choose Improvement Engine… changes it.', why),
			{ modal: true },
			...candidates.map((c) => c.label),
			CHOOSE,
		);
		const picked = candidates.find((c) => c.label === choice);
		if (picked) {
			await this.deps.globalState.update(FALLBACK_ENGINE_KEY, picked.kind);
			log.info(`Model engine for when Cekura does not offer improve_prompt: ${picked.kind}, remembered on this machine.`);
			return this.model(picked.kind, settings, cekura);
		}
		if (choice === CHOOSE && (await this.chooseEngine())) return this.configured(readSettings(), cekura);
		return undefined;
	}

	/** Cekura: Choose Improvement Engine…; resolves whether the user chose one. */
	choose(): Promise<boolean> {
		return this.chooseEngine();
	}

	private model(kind: ModelKind, settings: CekuraSettings, cekura: CekuraClient): Promise<ImproveEngine | undefined> {
		return kind === 'vscodeLm' ? vscodeLmEngine(this.deps, settings, cekura) : openAiEngine(this.deps, settings, cekura);
	}

	/** The model engines that are set up, in the order `auto` prefers them, each with the button that picks it. */
	private async candidates(settings: CekuraSettings): Promise<{ kind: ModelKind; label: string }[]> {
		const list: { kind: ModelKind; label: string }[] = [];
		const server = settings.openai.baseUrl;
		if (server?.ok) list.push({ kind: 'openaiCompatible', label: settings.openai.model ? vscode.l10n.t('Use {0} at {1}', settings.openai.model, new URL(server.url).host) : vscode.l10n.t('Use a model at {0}', new URL(server.url).host) });
		const models = await availableChatModels();
		if (settings.vscodeLmModel) {
			// A model named in the settings that VS Code does not offer (any more) is not set up.
			const named = matchChatModel(models, settings.vscodeLmModel);
			if (named) list.push({ kind: 'vscodeLm', label: vscode.l10n.t('Use {0} via VS Code', named.name) });
		} else if (models.length === 1) {
			list.push({ kind: 'vscodeLm', label: vscode.l10n.t('Use {0} via VS Code', models[0].name) });
		} else if (models.length > 1) {
			list.push({ kind: 'vscodeLm', label: vscode.l10n.t('Use a Language Model in VS Code…') });
		}
		return list;
	}
}
