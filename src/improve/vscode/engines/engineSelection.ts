import * as vscode from 'vscode';
import type { CekuraClient } from '../../core/cekuraClient';
import { AUTO_FIRST, type EngineKind } from '../../core/engines/engineCatalog';
import type { ImproveEngine } from '../../core/engines/engineTypes';
import { FALLBACK_ENGINE_KEY } from '../../../constants';
import { readSettings, type CekuraSettings } from '../settings';
import type { EngineDeps } from './engineEntry';
import { engineEntry, fallbackOffers } from './engineRegistry';

const chooseLabel = (): string => vscode.l10n.t('Choose Improvement Engine…');

/** Which engine rewrites a prompt: the one the settings name, or under `auto`, a model when Cekura does not offer improve_prompt. */
export class EngineSelection {
	constructor(
		private readonly deps: EngineDeps & { globalState: vscode.Memento },
		/** Runs Choose Improvement Engine…; resolves whether the user chose one. */
		private readonly chooseEngine: () => Promise<boolean>,
	) {}

	/** The engine the settings name (Cekura's under `auto`). Undefined when the user cancels a model pick. */
	async configured(settings: CekuraSettings, cekura: CekuraClient): Promise<ImproveEngine | undefined> {
		const kind = settings.engine === 'auto' ? AUTO_FIRST : settings.engine;
		return engineEntry(kind).create(this.deps, settings, cekura);
	}

	/**
	 * Under `auto`, after Cekura's server answered `status` (404, 405, 410) to improve_prompt: the model engine to use
	 * instead. The first time it says so plainly and asks, and the answer is remembered on this machine.
	 */
	async fallback(settings: CekuraSettings, cekura: CekuraClient, status: number | undefined): Promise<ImproveEngine | undefined> {
		const { log, ui } = this.deps;
		const remembered = this.deps.globalState.get<EngineKind>(FALLBACK_ENGINE_KEY);
		const candidates = await fallbackOffers(settings);
		if (remembered && candidates.some((c) => c.kind === remembered)) {
			log.info(`This Cekura server does not offer improve_prompt (HTTP ${status ?? '?'}); improving with the engine chosen before (${remembered}).`);
			return engineEntry(remembered).create(this.deps, settings, cekura);
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
			return engineEntry(picked.kind).create(this.deps, settings, cekura);
		}
		if (choice === CHOOSE && (await this.chooseEngine())) return this.configured(readSettings(), cekura);
		return undefined;
	}

	/** Cekura: Choose Improvement Engine…; resolves whether the user chose one. */
	choose(): Promise<boolean> {
		return this.chooseEngine();
	}
}
