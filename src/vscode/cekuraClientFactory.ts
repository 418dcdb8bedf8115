import nodeFetch from 'node-fetch';
import { CekuraClient } from '../core/cekuraClient';
import type { FetchLike } from '../core/httpTypes';
import type { Log } from './log';

// node-fetch goes through Node's http module, which VS Code patches for its proxy settings.
const fetchThroughVsCodeProxy: FetchLike = (url, init) => nodeFetch(url, init);

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
