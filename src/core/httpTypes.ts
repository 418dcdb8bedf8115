/** The slice of the fetch API the client needs; node-fetch in the extension, node-fetch in tests too. */
export interface HttpResponse {
	readonly status: number;
	readonly headers: { get(name: string): string | null };
	text(): Promise<string>;
}

export interface HttpRequestInit {
	method: 'GET' | 'POST';
	headers: Record<string, string>;
	body?: string;
	signal: AbortSignal;
	redirect: 'manual';
}

export type FetchLike = (url: string, init: HttpRequestInit) => Promise<HttpResponse>;
