/** The slice of the fetch API the client needs; node-fetch in the extension, node-fetch in tests too. */
export interface HttpResponse {
	readonly status: number;
	readonly headers: { get(name: string): string | null };
	text(): Promise<string>;
	/**
	 * The body as it arrives, for streamed answers: node-fetch 3's body is a Node Readable, which yields Buffers
	 * (strings only if an encoding was set on it).
	 */
	readonly body?: AsyncIterable<Uint8Array | string> | null;
}

interface HttpRequestInit {
	method: 'GET' | 'POST';
	headers: Record<string, string>;
	body?: string;
	signal: AbortSignal;
	redirect: 'manual';
}

export type FetchLike = (url: string, init: HttpRequestInit) => Promise<HttpResponse>;

/** A fetch whose responses expose their body as a stream (null for a body-less answer). */
export type StreamingFetchLike = (url: string, init: HttpRequestInit) => Promise<HttpResponse & { readonly body: AsyncIterable<Uint8Array | string> | null }>;

