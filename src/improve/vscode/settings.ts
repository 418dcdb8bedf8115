import * as vscode from 'vscode';
import { checkBaseUrl, type BaseUrlCheck } from '../core/baseUrl';
import { engineSetting, type EngineSetting } from '../core/engines/engineCatalog';
import { growthBudgetPercent } from '../core/checks/growthCheck';
import { requestTimeoutMs } from '../core/requestTimeout';
import { EXTENSION_ID, Settings } from '../../constants';

export interface CekuraSettings {
	baseUrl: BaseUrlCheck;
	improveTimeoutMs: number;
	agentId: number | undefined;
	projectId: number | undefined;
	engine: EngineSetting;
	/** A model id or family for VS Code's Language Model API; empty: ask once. */
	vscodeLmModel: string;
	openai: {
		/** Undefined when not set. */
		baseUrl: BaseUrlCheck | undefined;
		model: string;
		maxInputTokens: number;
	};
	/** Test Proposal in Simulated Chats…. */
	test: {
		/** Conversations per scenario per prompt, 1–5. */
		frequency: number;
		/** Agent turns before the extension ends a chat. */
		maxTurns: number;
	};
	checks: {
		/** How much longer than the original a proposal may be, in percent, before its growth check warns. */
		growthBudgetPercent: number;
	};
}

const DEFAULT_BASE_URL = 'https://api.cekura.ai';
/** The bounds package.json declares for `cekura.test.frequency` and `cekura.test.maxTurns`. */
const MAX_FREQUENCY = 5;
const MAX_TURNS = 200;

export function readSettings(): CekuraSettings {
	const config = vscode.workspace.getConfiguration(Settings.section);
	const openaiBaseUrl = userValue<string>(config, Settings.openaiBaseUrl)?.trim() ?? '';
	return {
		baseUrl: checkBaseUrl(userValue<string>(config, Settings.apiBaseUrl) ?? DEFAULT_BASE_URL),
		improveTimeoutMs: requestTimeoutMs(config.get<unknown>(Settings.requestTimeoutSeconds)),
		agentId: positiveInteger(config.get(Settings.runsAgentId)),
		projectId: positiveInteger(config.get(Settings.runsProjectId)),
		engine: engineSetting(userValue<unknown>(config, Settings.improveEngine)),
		vscodeLmModel: userValue<string>(config, Settings.vscodeLmModel)?.trim() ?? '',
		openai: {
			baseUrl: openaiBaseUrl ? checkBaseUrl(openaiBaseUrl, `${Settings.section}.${Settings.openaiBaseUrl}`) : undefined,
			model: userValue<string>(config, Settings.openaiModel)?.trim() ?? '',
			maxInputTokens: positiveInteger(userValue(config, Settings.openaiMaxInputTokens)) ?? 32_000,
		},
		test: {
			frequency: Math.min(positiveInteger(config.get(Settings.testFrequency)) ?? 1, MAX_FREQUENCY),
			maxTurns: Math.min(positiveInteger(config.get(Settings.testMaxTurns)) ?? 30, MAX_TURNS),
		},
		checks: { growthBudgetPercent: growthBudgetPercent(config.get<unknown>(Settings.checksGrowthBudgetPercent)) },
	};
}

/** Writes a setting to the user's settings, where the settings that say where data goes are read from. */
export function writeUserSetting(key: string, value: unknown): Thenable<void> {
	return vscode.workspace.getConfiguration(Settings.section).update(key, value, vscode.ConfigurationTarget.Global);
}

export function openSettings(): Thenable<unknown> {
	return vscode.commands.executeCommand('workbench.action.openSettings', `@ext:${EXTENSION_ID}`);
}

/**
 * Settings that decide where the prompt and keys go count only from the user's settings (application scope),
 * whatever a workspace's settings say.
 */
function userValue<T>(config: vscode.WorkspaceConfiguration, key: string): T | undefined {
	const inspected = config.inspect<T>(key);
	return inspected?.globalValue ?? inspected?.defaultValue;
}

function positiveInteger(value: unknown): number | undefined {
	return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : undefined;
}
