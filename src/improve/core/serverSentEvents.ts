import { BodyCharsetError } from './httpBody';

/**
 * Splits a Server-Sent Events stream into the data of its events, as the HTML standard describes: lines end in
 * CRLF, LF or CR; `data:` lines of one event are joined with a newline; an empty line ends the event; comment lines
 * (`: keep-alive`) and other fields are ignored. Chunks may split a line, a CRLF or a UTF-8 character anywhere.
 * Each chunk is read once (the work is linear in the stream, however long a line), and bytes that are not UTF-8
 * are a `BodyCharsetError`, not U+FFFD characters.
 */
export class ServerSentEvents {
	private readonly decoder = new TextDecoder('utf-8', { fatal: true });
	/** The start of a line that has not ended yet, in the pieces the chunks brought. */
	private partial: string[] = [];
	/** The last chunk ended in a CR: an LF first in the next one belongs to it. */
	private afterCr = false;
	private data: string[] = [];

	/** Feeds the next chunk; returns the data of every event it completes. */
	push(chunk: Uint8Array | string): string[] {
		return this.read(typeof chunk === 'string' ? chunk : this.decode(chunk, true));
	}

	/** At the end of the stream: the data of a last event the stream did not end with an empty line. */
	end(): string[] {
		const events = this.read(this.decode(new Uint8Array(0), false));
		if (this.partial.length > 0) events.push(...this.line(this.partial.join('')));
		this.partial = [];
		if (this.data.length > 0) events.push(this.data.join('\n'));
		this.data = [];
		return events;
	}

	private decode(bytes: Uint8Array, stream: boolean): string {
		try {
			return this.decoder.decode(bytes, { stream });
		} catch {
			throw new BodyCharsetError('utf-8');
		}
	}

	private read(text: string): string[] {
		const events: string[] = [];
		let start = 0;
		if (this.afterCr && text.charCodeAt(0) === 10) start = 1;
		if (text !== '') this.afterCr = false;
		for (let i = start; i < text.length; i++) {
			const c = text.charCodeAt(i);
			if (c !== 10 && c !== 13) continue;
			const piece = text.slice(start, i);
			const line = this.partial.length > 0 ? this.partial.join('') + piece : piece;
			this.partial = [];
			events.push(...this.line(line));
			if (c === 13) {
				if (i + 1 === text.length) this.afterCr = true;
				else if (text.charCodeAt(i + 1) === 10) i++;
			}
			start = i + 1;
		}
		if (start < text.length) this.partial.push(text.slice(start));
		return events;
	}

	private line(line: string): string[] {
		if (line === '') {
			if (this.data.length === 0) return [];
			const event = this.data.join('\n');
			this.data = [];
			return [event];
		}
		if (line.startsWith(':')) return [];
		const colon = line.indexOf(':');
		const field = colon < 0 ? line : line.slice(0, colon);
		if (field !== 'data') return [];
		let value = colon < 0 ? '' : line.slice(colon + 1);
		if (value.startsWith(' ')) value = value.slice(1);
		this.data.push(value);
		return [];
	}
}
