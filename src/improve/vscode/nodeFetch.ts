import type { StreamingFetchLike } from '../core/httpTypes';

/**
 * node-fetch goes through Node's http module, which VS Code patches for its proxy settings and custom CAs.
 * It is loaded on the first request rather than at activation: it pulls in http, https, zlib and stream.
 */
export const fetchThroughVsCodeProxy: StreamingFetchLike = async (url, init) => {
	const { nodeFetch } = await import('./nodeFetchModule');
	return nodeFetch(url, init);
};
