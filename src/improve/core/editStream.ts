import { scanObject } from './answerObject';
import { editOf } from './editsAnswer';
import type { PromptEdit } from './promptEdits';

/** Room kept behind the end of the text when looking for `"edits": [` again, so a key split across pieces is found. */
const KEY_ROOM = 200;

/**
 * Notices each edit of an answer in the edit format as soon as its object is complete in the stream: `push` takes
 * the next piece of the answer and returns the edits completed by it, in order. Linear in the answer's length
 * (each character is scanned once, a completed edit's object once more); it keeps only the text not yet read. Previews only: the whole answer, parsed
 * by `parseEditsAnswer`, decides the proposal. Pure.
 */
export class EditStream {
	private text = '';
	/** Where to look for the next `"edits": [`; undefined while inside an array. */
	private searchFrom: number | undefined = 0;
	private pos = 0;
	/** Inside the array: the start of the element being read, or undefined between elements. */
	private element: number | undefined;
	private depth = 0;
	private inString = false;
	private escaped = false;

	push(piece: string): PromptEdit[] {
		this.text += piece;
		const found: PromptEdit[] = [];
		for (;;) {
			if (this.searchFrom !== undefined && !this.findArray()) break;
			const edit = this.scan();
			if (edit === 'more') break;
			if (edit) found.push(edit);
		}
		this.dropRead();
		return found;
	}

	/** Keeps only the text still needed: reading characters of a string grown piece by piece would copy it whole each time. */
	private dropRead(): void {
		const keep = this.searchFrom ?? this.element ?? this.pos;
		if (keep === 0) return;
		this.text = this.text.slice(keep);
		this.pos -= keep;
		if (this.element !== undefined) this.element -= keep;
		if (this.searchFrom !== undefined) this.searchFrom -= keep;
	}

	private findArray(): boolean {
		const key = /"edits"\s*:\s*\[/g;
		key.lastIndex = this.searchFrom ?? 0;
		const m = key.exec(this.text);
		if (!m) {
			this.searchFrom = Math.max(this.searchFrom ?? 0, this.text.length - KEY_ROOM);
			return false;
		}
		this.searchFrom = undefined;
		this.pos = m.index + m[0].length;
		this.element = undefined;
		return true;
	}

	/** Reads on inside the array: an edit when one completes, undefined when an element or the array ended, 'more' at the end of the text. */
	private scan(): PromptEdit | undefined | 'more' {
		const { text } = this;
		for (; this.pos < text.length; this.pos++) {
			const ch = text[this.pos];
			if (this.inString) {
				if (this.escaped) this.escaped = false;
				else if (ch === '\\') this.escaped = true;
				else if (ch === '"') this.inString = false;
				continue;
			}
			if (ch === '"') {
				this.inString = true;
				this.element ??= this.pos;
			} else if (ch === '{' || ch === '[') {
				this.element ??= this.pos;
				this.depth++;
			} else if (ch === '}' || ch === ']') {
				if (this.depth === 0) {
					// The array's own `]`: look for another array after it.
					this.searchFrom = ++this.pos;
					return undefined;
				}
				if (--this.depth === 0) {
					const start = this.element ?? this.pos;
					this.element = undefined;
					this.pos++;
					return text[start] === '{' ? parsedEdit(text, start) : undefined;
				}
			} else if (ch === ',' && this.depth === 0) {
				this.element = undefined;
			}
		}
		return 'more';
	}
}

function parsedEdit(text: string, start: number): PromptEdit | undefined {
	try {
		return editOf(JSON.parse(scanObject(text, start).json));
	} catch {
		return undefined;
	}
}
