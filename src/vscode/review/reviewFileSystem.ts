import * as vscode from 'vscode';
import type { Logger } from '../../core/logger';
import type { ORIGINAL_SCHEME, REVIEW_SCHEME } from '../../constants';

interface Entry {
	data: Uint8Array;
	ctime: number;
	mtime: number;
	readonly: boolean;
}

/**
 * In-memory files for the two sides of a review diff, served under two schemes: the original side's is registered
 * read-only; the improved side is writable, so the user can tweak it and use the diff editor's revert arrows, and
 * saving it never prompts for a place on disk.
 */
export class ReviewFileSystem implements vscode.FileSystemProvider, vscode.Disposable {
	private readonly files = new Map<string, Entry>();
	private readonly changes = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
	readonly onDidChangeFile = this.changes.event;
	/** Asked for a file that is not here (a tab restored after a reload): may put it here (the review restored). */
	private restore: ((uri: vscode.Uri) => Promise<void>) | undefined;
	/** By path: who waits for the next read of the file (`nextRead`), and whether its stat was asked for since. */
	private readonly readers = new Map<string, { done: ((read: boolean) => void)[]; statted: boolean }>();

	/** `log` notes each read at debug level: the time from a review's diff sent to its sides read is the workbench's. */
	constructor(private readonly log?: Pick<Logger, 'debug'>) {}

	static uri(scheme: typeof REVIEW_SCHEME | typeof ORIGINAL_SCHEME, path: string): vscode.Uri {
		return vscode.Uri.from({ scheme, path });
	}

	put(uri: vscode.Uri, text: string, readonly: boolean): void {
		const before = this.files.get(uri.path);
		// Always later than the last version: the workbench reads a changed file again only when its mtime or size changed.
		const now = Math.max(Date.now(), (before?.mtime ?? 0) + 1);
		const existed = !!before;
		this.files.set(uri.path, { data: new TextEncoder().encode(text), ctime: before?.ctime ?? now, mtime: now, readonly });
		this.changes.fire([{ type: existed ? vscode.FileChangeType.Changed : vscode.FileChangeType.Created, uri }]);
	}

	/** Whom to ask for a file that is not here, before saying it is not found. */
	restoreWith(restore: (uri: vscode.Uri) => Promise<void>): void {
		this.restore = restore;
	}

	/** The text of a side, if it is here. */
	text(uri: vscode.Uri): string | undefined {
		const entry = this.files.get(uri.path);
		return entry && new TextDecoder().decode(entry.data);
	}

	remove(uri: vscode.Uri): void {
		if (this.files.delete(uri.path)) this.changes.fire([{ type: vscode.FileChangeType.Deleted, uri }]);
		// Nothing will be read any more.
		this.readers.get(uri.path)?.done.forEach((done) => done(false));
		this.readers.delete(uri.path);
	}

	watch(): vscode.Disposable {
		return new vscode.Disposable(() => {});
	}

	async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
		this.log?.debug(`The workbench asks for ${uri.toString()} (stat).`);
		await this.restored(uri);
		const entry = this.files.get(uri.path);
		const waiting = this.readers.get(uri.path);
		if (waiting) waiting.statted = true;
		if (entry) {
			return { type: vscode.FileType.File, ctime: entry.ctime, mtime: entry.mtime, size: entry.data.byteLength, permissions: entry.readonly ? vscode.FilePermission.Readonly : undefined };
		}
		if (this.isDirectory(uri.path)) return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
		throw vscode.FileSystemError.FileNotFound(uri);
	}

	readDirectory(uri: vscode.Uri): [string, vscode.FileType][] {
		const prefix = uri.path.endsWith('/') ? uri.path : `${uri.path}/`;
		const children = new Map<string, vscode.FileType>();
		for (const path of this.files.keys()) {
			if (!path.startsWith(prefix)) continue;
			const [name, ...rest] = path.slice(prefix.length).split('/');
			children.set(name, rest.length ? vscode.FileType.Directory : vscode.FileType.File);
		}
		return [...children];
	}

	async readFile(uri: vscode.Uri): Promise<Uint8Array> {
		this.log?.debug(`The workbench reads ${uri.toString()}.`);
		await this.restored(uri);
		const entry = this.files.get(uri.path);
		if (!entry) throw vscode.FileSystemError.FileNotFound(uri);
		const waiting = this.readers.get(uri.path);
		// A read whose stat came before the change (a reload under way) says nothing of the permissions now.
		if (waiting?.statted) {
			this.readers.delete(uri.path);
			// After this read's answer has gone out.
			setImmediate(() => waiting.done.forEach((done) => done(true)));
		}
		return entry.data;
	}

	/**
	 * Resolves true once the file's stat and then its content are read after now; false after `timeoutMs`, or when the
	 * file is removed. After a change,
	 * the workbench reads an open document's file again, stat first: then it knows a side that was read-only is
	 * writable.
	 */
	nextRead(uri: vscode.Uri, timeoutMs = 3000): Promise<boolean> {
		return new Promise((resolve) => {
			const timer = setTimeout(() => resolve(false), timeoutMs);
			const waiting = this.readers.get(uri.path) ?? { done: [], statted: false };
			waiting.done.push((read) => {
				clearTimeout(timer);
				resolve(read);
			});
			this.readers.set(uri.path, waiting);
		});
	}

	writeFile(uri: vscode.Uri, content: Uint8Array, options: { create: boolean; overwrite: boolean }): void {
		const entry = this.files.get(uri.path);
		if (!entry) {
			// A review's files exist only while the review is open; a late save of a closed review has nowhere to go.
			throw options.create ? vscode.FileSystemError.NoPermissions(vscode.l10n.t('This Cekura review has been closed.')) : vscode.FileSystemError.FileNotFound(uri);
		}
		if (entry.readonly) throw vscode.FileSystemError.NoPermissions(vscode.l10n.t('The original prompt is read-only.'));
		entry.data = content;
		entry.mtime = Date.now();
		this.changes.fire([{ type: vscode.FileChangeType.Changed, uri }]);
	}

	createDirectory(): void {
		throw vscode.FileSystemError.NoPermissions(vscode.l10n.t('Cekura review documents cannot hold folders.'));
	}

	delete(uri: vscode.Uri): void {
		this.remove(uri);
	}

	rename(): void {
		throw vscode.FileSystemError.NoPermissions(vscode.l10n.t('Cekura review documents cannot be renamed.'));
	}

	dispose(): void {
		this.changes.dispose();
	}

	private async restored(uri: vscode.Uri): Promise<void> {
		if (!this.files.has(uri.path) && !this.isDirectory(uri.path) && this.restore) await this.restore(uri);
	}

	private isDirectory(path: string): boolean {
		const prefix = path.endsWith('/') ? path : `${path}/`;
		for (const file of this.files.keys()) if (file.startsWith(prefix)) return true;
		return false;
	}
}
