import * as vscode from 'vscode';
import type { ApiKeyStore } from '../vscode/apiKeyStore';

export async function clearApiKey(keys: ApiKeyStore): Promise<void> {
	const had = await keys.clear();
	void vscode.window.showInformationMessage(had ? 'Cekura: API key removed from this machine\'s secret storage.' : 'Cekura: no API key was stored.');
}
