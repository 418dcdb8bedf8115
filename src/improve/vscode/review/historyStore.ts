import * as vscode from 'vscode';
import { errorMessage } from '../../../core/errorMessage';
import { updateEntry, withEntry, type HistoryEntry } from '../../../core/history';
import { historyBytes, parseHistory } from '../../core/historyFile';
import type { Log } from '../../../vscode/log';
import type { ImprovementHistory } from '../../../vscode/review/improvementHistory';

const FILE_NAME = 'improvement-history.json';

/**
 * The improvement history of this workspace, in a JSON file in the extension's storage folder for the workspace
 * (`context.storageUri`, or `globalStorageUri` when no folder is open). Never in settings, and it holds no keys.
 * Writes are queued, so they land in order; a file this version cannot read is left as it is.
 */
export class HistoryStore implements ImprovementHistory {
	private entries: HistoryEntry[] | undefined;
	private loading: Promise<HistoryEntry[]> | undefined;
	/** False when the file holds what this version cannot read (another schema version): it is never overwritten. */
	private writable = true;
	private writing: Promise<void> = Promise.resolve();
	private readonly changed = new vscode.EventEmitter<void>();
	/** An entry was added or changed. */
	readonly onDidChange = this.changed.event;

	constructor(
		private readonly folder: vscode.Uri,
		private readonly log: Log,
	) {}

	get file(): vscode.Uri {
		return vscode.Uri.joinPath(this.folder, FILE_NAME);
	}

	/** Every entry, newest first. */
	all(): Promise<readonly HistoryEntry[]> {
		if (this.entries) return Promise.resolve(this.entries);
		this.loading ??= this.load().then((entries) => (this.entries = entries));
		return this.loading;
	}

	async get(id: string): Promise<HistoryEntry | undefined> {
		return (await this.all()).find((e) => e.id === id);
	}

	// Each change reads the list after its own wait: two changes made in the same turn (a review's checks, then its
	// size) would otherwise both start from the list before either, and the second would undo the first.
	async record(entry: HistoryEntry): Promise<void> {
		await this.all();
		this.entries = withEntry(this.entries ?? [], entry);
		await this.save();
	}

	async update(id: string, change: (entry: HistoryEntry) => HistoryEntry): Promise<void> {
		await this.all();
		this.entries = updateEntry(this.entries ?? [], id, change);
		await this.save();
	}

	/** Resolves when every change so far is on disk. */
	flushed(): Promise<void> {
		return this.writing;
	}

	dispose(): void {
		this.changed.dispose();
	}

	private save(): Promise<void> {
		this.changed.fire();
		if (!this.writable) return Promise.resolve();
		const entries = this.entries ?? [];
		this.writing = this.writing.then(async () => {
			try {
				const bytes = await historyBytes(entries);
				await vscode.workspace.fs.createDirectory(this.folder);
				await vscode.workspace.fs.writeFile(this.file, bytes);
			} catch (err) {
				this.log.error(`Improvement history: cannot write ${this.file.toString()}: ${errorMessage(err)}`);
			}
		});
		return this.writing;
	}

	private async load(): Promise<HistoryEntry[]> {
		let text: string;
		try {
			text = new TextDecoder().decode(await vscode.workspace.fs.readFile(this.file));
		} catch (err) {
			if (!(err instanceof vscode.FileSystemError && err.code === 'FileNotFound')) this.log.warn(`Improvement history: cannot read ${this.file.toString()}: ${errorMessage(err)}`);
			return [];
		}
		const parsed = parseHistory(text);
		if (parsed.ok) {
			if (parsed.dropped) this.log.warn(`Improvement history: ${parsed.dropped} malformed entries in ${this.file.toString()} were left out.`);
			return parsed.entries;
		}
		if (parsed.otherVersion) {
			// Written by another version of the extension: keep it for that version, and keep this session's history in memory.
			this.writable = false;
			this.log.warn(`Improvement history: ${this.file.toString()} has ${parsed.reason}; it is kept unchanged and this session's history is not saved.`);
			return [];
		}
		// A damaged file is moved aside, not overwritten, and the history starts anew.
		const aside = vscode.Uri.joinPath(this.folder, `improvement-history.unreadable-${Date.now()}.json`);
		try {
			await vscode.workspace.fs.rename(this.file, aside, { overwrite: false });
			this.log.warn(`Improvement history: ${this.file.toString()} could not be read (${parsed.reason}); moved to ${aside.toString()}.`);
		} catch (err) {
			this.writable = false;
			this.log.warn(`Improvement history: ${this.file.toString()} could not be read (${parsed.reason}) nor moved aside (${errorMessage(err)}); it is kept unchanged.`);
		}
		return [];
	}
}
