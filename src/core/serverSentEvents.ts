/**
 * Splits a Server-Sent Events stream into the data of its events, as the HTML standard describes: lines end in
 * CRLF, LF or CR; `data:` lines of one event are joined with a newline; an empty line ends the event; comment lines
 * (`: keep-alive`) and other fields are ignored. Chunks may split a line, a CRLF or a UTF-8 character anywhere.
 */
export class ServerSentEvents {
	private readonly decoder = new TextDecoder('utf-8');
	private buffer = '';
	private data: string[] = [];

	/** Feeds the next chunk; returns the data of every event it completes. */
	push(chunk: Uint8Array | string): string[] {
		this.buffer += typeof chunk === 'string' ? chunk : this.decoder.decode(chunk, { stream: true });
		return this.drain(false);
	}

	/** At the end of the stream: the data of a last event the stream did not end with an empty line. */
	end(): string[] {
		this.buffer += this.decoder.decode();
		const events = this.drain(true);
		if (this.buffer !== '') events.push(...this.line(this.buffer));
		this.buffer = '';
		if (this.data.length > 0) events.push(this.data.join('\n'));
		this.data = [];
		return events;
	}

	private drain(final: boolean): string[] {
		const events: string[] = [];
		let start = 0;
		for (let i = 0; i < this.buffer.length; i++) {
			const ch = this.buffer[i];
			if (ch !== '\n' && ch !== '\r') continue;
			// A CR at the end of a chunk may be the first half of a CRLF: wait for the next chunk.
			if (ch === '\r' && i === this.buffer.length - 1 && !final) break;
			events.push(...this.line(this.buffer.slice(start, i)));
			if (ch === '\r' && this.buffer[i + 1] === '\n') i++;
			start = i + 1;
		}
		this.buffer = this.buffer.slice(start);
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
