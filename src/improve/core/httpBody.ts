import type { HttpResponse } from './httpTypes';
import { errorMessage } from '../../core/errorMessage';

/**
 * The largest answer either client reads, counted after decompression (a gzip body is measured as it inflates):
 * 8 MiB. A prompt, a summary, a page of runs or three runs with their transcripts are far smaller. Documented in
 * the README's troubleshooting table.
 */
export const MAX_RESPONSE_BYTES = 8 * 1024 * 1024;
/** Of an error answer, only the start is read: enough for the server's message. */
export const MAX_ERROR_BODY_BYTES = 64 * 1024;
/**
 * Of an answer cut at its size cap (`truncate`), this much of the end is dropped as well: a key across the cut
 * has lost its end, so no redaction can recognise what is left of it. Longer than any key, even encoded twice.
 */
export const CUT_MARGIN_BYTES = 1024;

/** The answer is larger than the cap; it was not read to the end. */
export class BodyTooLargeError extends Error {
	constructor(readonly limitBytes: number) {
		super(`the answer is larger than ${formatBytes(limitBytes)}`);
		this.name = 'BodyTooLargeError';
	}
}

/** The connection failed while the body was arriving. */
export class BodyCutError extends Error {
	constructor(
		readonly receivedBytes: number,
		cause: unknown,
	) {
		super(`the connection broke after ${receivedBytes} bytes of the answer: ${errorMessage(cause)}`, { cause });
		this.name = 'BodyCutError';
	}
}

/** The bytes are not text in the character set the answer declares (or UTF-8, when it declares none). */
export class BodyCharsetError extends Error {
	constructor(readonly charset: string) {
		super(`the answer is not valid ${charset} text`);
		this.name = 'BodyCharsetError';
	}
}

export function formatBytes(bytes: number): string {
	if (bytes >= 1024 * 1024) return `${+(bytes / 1024 / 1024).toFixed(1)} MiB`;
	if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KiB`;
	return `${bytes} bytes`;
}

/**
 * Reads a response body as bytes, refusing it (`BodyTooLargeError`) as soon as more than `maxBytes` have arrived
 * after decompression, or before reading when Content-Length already says so; the rest is never read, so memory
 * stays bounded whatever the server sends. With `truncate`, a longer body is cut at `maxBytes` instead, less
 * `CUT_MARGIN_BYTES` (error answers, of which only the start matters). A failure of the connection mid-body is a
 * `BodyCutError`; an abort of `signal` is rethrown as it came.
 */
export async function readBodyBytes(response: HttpResponse, maxBytes: number, signal: AbortSignal, options: { truncate?: boolean } = {}): Promise<Buffer> {
	const declared = Number(response.headers.get('content-length') ?? NaN);
	const encoded = (response.headers.get('content-encoding') ?? 'identity').trim().toLowerCase() !== 'identity';
	if (!options.truncate && !encoded && Number.isFinite(declared) && declared > maxBytes) {
		discard(response);
		throw new BodyTooLargeError(maxBytes);
	}
	if (!response.body) {
		const text = await response.text();
		const bytes = Buffer.from(text, 'utf8');
		if (bytes.length <= maxBytes) return bytes;
		if (!options.truncate) throw new BodyTooLargeError(maxBytes);
		return bytes.subarray(0, Math.max(0, maxBytes - CUT_MARGIN_BYTES));
	}
	const chunks: Buffer[] = [];
	let received = 0;
	let cut = false;
	try {
		for await (const chunk of response.body) {
			const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
			if (received + buffer.length > maxBytes) {
				if (!options.truncate) throw new BodyTooLargeError(maxBytes);
				chunks.push(buffer.subarray(0, maxBytes - received));
				received = maxBytes;
				cut = true;
				break;
			}
			chunks.push(buffer);
			received += buffer.length;
		}
	} catch (err) {
		if (err instanceof BodyTooLargeError || signal.aborted) throw err;
		throw new BodyCutError(received, err);
	}
	return Buffer.concat(chunks, received).subarray(0, cut ? Math.max(0, received - CUT_MARGIN_BYTES) : received);
}

/** The charset an answer's Content-Type declares (`text/html; charset="ISO-8859-1"`), lower-cased, or undefined. */
function declaredCharset(contentType: string | null): string | undefined {
	const m = /;\s*charset\s*=\s*"?([^";\s]*)"?/i.exec(contentType ?? '');
	return m && m[1] ? m[1].toLowerCase() : undefined;
}

/**
 * Decodes an answer's bytes in the charset its Content-Type declares (JSON without one is UTF-8). An unknown
 * charset is read as UTF-8, as browsers do. With `strict`, bytes that are not text in that charset are a
 * `BodyCharsetError` rather than U+FFFD characters: an improved prompt with replacement characters in it would
 * corrupt the file it is applied to.
 */
function decodeBody(bytes: Uint8Array, contentType: string | null, strict: boolean): { text: string; charset: string; unknownCharset?: string } {
	const declared = declaredCharset(contentType);
	let decoder: InstanceType<typeof TextDecoder>;
	let unknownCharset: string | undefined;
	try {
		decoder = new TextDecoder(declared ?? 'utf-8', { fatal: strict });
	} catch {
		unknownCharset = declared;
		decoder = new TextDecoder('utf-8', { fatal: strict });
	}
	try {
		return { text: decoder.decode(bytes), charset: decoder.encoding, unknownCharset };
	} catch {
		throw new BodyCharsetError(decoder.encoding);
	}
}

/**
 * A body as text: a 2xx one (`ok`) whole up to `maxBytes` and strictly decoded (`readBodyBytes`, `decodeBody`); of
 * an error answer only the start (`MAX_ERROR_BODY_BYTES`), with U+FFFD for bytes that are not text.
 */
export async function readBodyText(response: HttpResponse, ok: boolean, maxBytes: number, signal: AbortSignal): Promise<{ text: string; unknownCharset?: string }> {
	const bytes = await readBodyBytes(response, ok ? maxBytes : MAX_ERROR_BODY_BYTES, signal, { truncate: !ok });
	return decodeBody(bytes, response.headers.get('content-type'), ok);
}

function discard(response: HttpResponse): void {
	const body = response.body as (AsyncIterable<unknown> & { destroy?: () => void }) | null | undefined;
	body?.destroy?.();
}
