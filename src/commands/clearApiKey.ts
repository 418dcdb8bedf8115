import type { ApiKeyStore } from '../vscode/apiKeyStore';
import type { Ui } from '../vscode/userInterface';

export async function clearApiKey(keys: ApiKeyStore, ui: Ui): Promise<void> {
	const had = await keys.clear();
	ui.notify('info', had ? 'Cekura: API key removed from this machine\'s secret storage.' : 'Cekura: no API key was stored.');
}
