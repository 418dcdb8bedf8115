/** Where a selected prompt stands: what the detector of its form reads. */
export interface PromptPlace {
	languageId: string;
	/** The selected text, as it is in the file. */
	selected: string;
	/** The document's text before the selection. */
	before: string;
	/** The document's text after the selection. */
	after: string;
	/** The document's path or name: a plain-text document named `.toml` or `.env` is not prose. */
	fileName?: string;
}
