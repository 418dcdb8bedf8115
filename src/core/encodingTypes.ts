import type { Eol } from './eol';

/** Text in a file's form, and whether it was checked to decode to exactly the text it stands for. */
export interface Encoded {
	raw: string;
	exact: boolean;
}

export type EncodingKind = 'plain' | 'jsonString' | 'jsString' | 'templateLiteral' | 'yamlBlock' | 'yamlDoubleQuoted' | 'yamlSingleQuoted' | 'yamlPlain' | 'pyString';

/**
 * How a prompt is written where it stands in the file. A prompt inside a JSON, YAML or JavaScript/TypeScript string
 * is sent and reviewed decoded, and written back in the file's form. Decoding and encoding are exact inverses:
 * `decode(encode(t)) === t` for every text the encoding accepts; `encode` throws NotInForm for text it cannot hold.
 */
export interface PromptEncoding {
	readonly kind: EncodingKind;
	/** For the log, in English: "the inside of a JSON string". */
	readonly description: string;
	/** The description in VS Code's display language, for messages; called when one is shown. */
	localizedDescription(): string;
	decode(raw: string): string;
	/** The file text for `text`, replacing `originalRaw`: lines the review left alone keep their raw text. */
	encode(text: string, eol: Eol, originalRaw: string): string;
	/** `encode` paused between steps (a `Steps` generator, see `improve/core/steps.ts`), saying whether it checked `decode` already: what Apply runs. */
	encodeSteps?(text: string, eol: Eol, originalRaw: string): Generator<void, Encoded, void>;
	/** The line break of decoded text. */
	lineBreak(documentEol: Eol): Eol;
	/** In a template literal or an f-string: its `${…}` or `{…}` expressions, code shown as-is. */
	readonly expressions?: readonly string[];
	/** Adjusts reviewed text to what the form can hold (a YAML block's final line breaks). */
	fit?(text: string): string;
	/**
	 * A YAML block whose header may need an indentation indicator (`|2`): the file text from the header to the
	 * prompt, and the same with the indicator.
	 */
	readonly header?: { readonly original: string; readonly withIndicator: string; needed(encoded: string): boolean };
}

/** What replaces the prompt in the file: the reviewed text, fitted to where the original stood, in the file's form. */
export type ForFile =
	| {
			ok: true;
			/** The text that replaces the selection. */
			text: string;
			/** The decoded text the file will hold there: what the last line of defence checks. */
			expected: string;
			/** Text just before the selection to replace too (a YAML block header gaining `|2`). */
			before?: { original: string; replacement: string };
	  }
	| { ok: false; reason: string };

export type CheckResult = { ok: true } | { ok: false; reason: string };
