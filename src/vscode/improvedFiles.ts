import * as vscode from 'vscode';
import { ContextKeys, IMPROVED_FILES_KEY } from '../constants';
import { inBackground } from './background';
import type { Log } from './log';

/**
 * The files the user has improved before (URI strings, as `Uri.toString()` writes them), for the ✨ title-bar button
 * (`resource in cekura.improvedFiles`). Kept in a memento so activation sets the context key without reading the
 * history file; the lazy half, which owns the history, hands over the list whenever the history changes.
 */
export class ImprovedFiles {
	private current: readonly string[];

	constructor(
		private readonly memento: vscode.Memento,
		log: Log,
	) {
		// Whatever the memento holds, activation goes on: only a list of URI strings is taken.
		const stored = memento.get<unknown>(IMPROVED_FILES_KEY);
		this.current = Array.isArray(stored) ? stored.filter((uri): uri is string => typeof uri === 'string' && /^[a-z][\w+.-]*:/i.test(uri)) : [];
		if (this.current.length) inBackground(this.setContext(), 'Setting the improved files context key', log);
	}

	get list(): readonly string[] {
		return this.current;
	}

	/** The files of the history as it is now. */
	async set(uris: readonly string[]): Promise<void> {
		if (uris.length === this.current.length && uris.every((uri, i) => uri === this.current[i])) return;
		this.current = [...uris];
		await Promise.all([this.memento.update(IMPROVED_FILES_KEY, this.current.length ? this.current : undefined), this.setContext()]);
	}

	// As URIs, not strings: in a remote window the workbench knows the file by another URI (`vscode-remote:`), which
	// VS Code maps a URI argument to, and `setContext` writes each URI as the string `resource` is compared with.
	private setContext(): Thenable<unknown> {
		return vscode.commands.executeCommand('setContext', ContextKeys.improvedFiles, this.current.map((uri) => vscode.Uri.parse(uri)));
	}
}
