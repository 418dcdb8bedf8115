import { CekuraClient } from '../core/cekuraClient';
import type { Log } from '../../vscode/log';
import { fetchThroughVsCodeProxy } from './nodeFetch';

export function createCekuraClient(baseUrl: string, apiKey: string, improveTimeoutMs: number, log: Log, version: string): CekuraClient {
	return new CekuraClient({
		baseUrl,
		apiKey,
		improveTimeoutMs,
		fetch: fetchThroughVsCodeProxy,
		userAgent: `cekura-prompt-improver/${version}`,
		log,
	});
}
