import * as vscode from 'vscode';
import type { CekuraClient } from '../core/cekuraClient';
import type { ApiKeyStore } from '../../vscode/apiKeyStore';
import { createCekuraClient } from './cekuraClientFactory';
import type { Log } from '../../vscode/log';
import { openSettings, readSettings, type CekuraSettings } from './settings';
import type { Ui } from '../../vscode/ui';

/** Where requests go and with which key; Set API Key during a request updates it. */
export interface CekuraSession {
	settings: CekuraSettings;
	baseUrl: string;
	apiKey: string;
}

/** The settings and the Cekura key to start a request with; undefined (after saying why) when there are none. */
export async function startSession(deps: { keys: ApiKeyStore; log: Log; ui: Ui }): Promise<CekuraSession | undefined> {
	const { keys, log, ui } = deps;
	const settings = readSettings();
	if (!settings.baseUrl.ok) {
		log.error(settings.baseUrl.message);
		const open = vscode.l10n.t('Open Settings');
		if ((await ui.message('error', vscode.l10n.t('Cekura: {0}', settings.baseUrl.message), open)) === open) await openSettings();
		return undefined;
	}
	const apiKey = (await keys.get()) ?? (await keys.prompt(vscode.l10n.t('No Cekura API key is set yet.')));
	return apiKey ? { settings, baseUrl: settings.baseUrl.url, apiKey } : undefined;
}

/** A client for the session's server, key and timeout as they are now. */
export function cekuraClient(deps: { log: Log; version: string }, session: CekuraSession): CekuraClient {
	return createCekuraClient(session.baseUrl, session.apiKey, session.settings.improveTimeoutMs, deps.log, deps.version);
}
