import * as vscode from 'vscode';
import { checkBaseUrl, type BaseUrlCheck } from '../core/baseUrl';
import { EXTENSION_ID, Settings } from '../constants';

export interface CekuraSettings {
	baseUrl: BaseUrlCheck;
	improveTimeoutMs: number;
	agentId: number | undefined;
	projectId: number | undefined;
}

const DEFAULT_BASE_URL = 'https://api.cekura.ai';

export function readSettings(): CekuraSettings {
	const config = vscode.workspace.getConfiguration(Settings.section);
	// The key goes to this URL, so only user-level values count, whatever a workspace's settings say.
	const inspected = config.inspect<string>(Settings.apiBaseUrl);
	const baseUrl = inspected?.globalValue ?? inspected?.defaultValue ?? DEFAULT_BASE_URL;
	const seconds = config.get<number>(Settings.requestTimeoutSeconds, 120);
	return {
		baseUrl: checkBaseUrl(baseUrl),
		improveTimeoutMs: Math.max(1, Number.isFinite(seconds) ? seconds : 120) * 1000,
		agentId: positiveInteger(config.get(Settings.runsAgentId)),
		projectId: positiveInteger(config.get(Settings.runsProjectId)),
	};
}

export function openSettings(): Thenable<unknown> {
	return vscode.commands.executeCommand('workbench.action.openSettings', `@ext:${EXTENSION_ID}`);
}

function positiveInteger(value: unknown): number | undefined {
	return typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : undefined;
}
