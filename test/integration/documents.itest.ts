import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands } from '../../src/constants';
import { useCekuraSuite } from './cekuraSuite';
import { activeDiffTab, SAMPLE_PROMPT } from './support';

const SCHEME = 'cekura-test-vfs';

/** A minimal in-memory file system, as a virtual-workspace extension (GitHub Repositories, a remote FS…) provides one. */
class MemoryFileSystem implements vscode.FileSystemProvider {
	private readonly files = new Map<string, Uint8Array>();
	private readonly changes = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
	readonly onDidChangeFile = this.changes.event;
	watch(): vscode.Disposable {
		return new vscode.Disposable(() => {});
	}
	stat(uri: vscode.Uri): vscode.FileStat {
		const data = this.files.get(uri.path);
		if (data) return { type: vscode.FileType.File, ctime: 0, mtime: Date.now(), size: data.byteLength };
		if (uri.path === '/') return { type: vscode.FileType.Directory, ctime: 0, mtime: 0, size: 0 };
		throw vscode.FileSystemError.FileNotFound(uri);
	}
	readDirectory(): [string, vscode.FileType][] {
		return [...this.files.keys()].map((p) => [p.slice(1), vscode.FileType.File]);
	}
	createDirectory(): void {}
	readFile(uri: vscode.Uri): Uint8Array {
		const data = this.files.get(uri.path);
		if (!data) throw vscode.FileSystemError.FileNotFound(uri);
		return data;
	}
	writeFile(uri: vscode.Uri, content: Uint8Array): void {
		this.files.set(uri.path, content);
		this.changes.fire([{ type: vscode.FileChangeType.Changed, uri }]);
	}
	delete(uri: vscode.Uri): void {
		this.files.delete(uri.path);
	}
	rename(): void {
		throw vscode.FileSystemError.NoPermissions('no renames here');
	}
}

async function selectLines(editor: vscode.TextEditor, from: number, to: number): Promise<string> {
	editor.selection = new vscode.Selection(new vscode.Position(from - 1, 0), new vscode.Position(to, 0));
	return editor.document.getText(editor.selection);
}

suite('Prompts in documents that are not files on disk', () => {
	const { api, server, user } = useCekuraSuite();
	let registration: vscode.Disposable;
	const memory = new MemoryFileSystem();

	suiteSetup(() => {
		registration = vscode.workspace.registerFileSystemProvider(SCHEME, memory, { isCaseSensitive: true });
	});
	suiteTeardown(() => registration.dispose());

	test('an untitled document is improved and applied like a file', async () => {
		const document = await vscode.workspace.openTextDocument({ content: SAMPLE_PROMPT, language: 'markdown' });
		const editor = await vscode.window.showTextDocument(document);
		const selected = await selectLines(editor, 3, 6);
		await vscode.commands.executeCommand(Commands.improvePrompt);
		assert.equal(server.improveRequests()[0]?.body.prompt, selected);
		assert.ok(activeDiffTab(), 'no review opened');
		await vscode.commands.executeCommand(Commands.applyImprovement);
		assert.match(document.getText(), /read back the date and time/i);
		assert.equal(document.uri.scheme, 'untitled');
		assert.equal(api.reviews.openReviews.length, 0);
		assert.equal(user.messages.filter((m) => m.severity === 'error').length, 0);
		await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
	});

	test('a document on a virtual file system is improved and applied, and saved by the user as usual', async () => {
		const uri = vscode.Uri.from({ scheme: SCHEME, path: '/agent-prompt.md' });
		memory.writeFile(uri, new TextEncoder().encode(SAMPLE_PROMPT));
		const document = await vscode.workspace.openTextDocument(uri);
		const editor = await vscode.window.showTextDocument(document);
		const selected = await selectLines(editor, 3, 6);
		await vscode.commands.executeCommand(Commands.improvePrompt);
		assert.equal(server.improveRequests()[0]?.body.prompt, selected);
		await vscode.commands.executeCommand(Commands.applyImprovement);
		assert.match(document.getText(), /read back the date and time/i);
		assert.equal(new TextDecoder().decode(memory.readFile(uri)), SAMPLE_PROMPT, 'Apply must not save for the user');
		assert.ok(await document.save());
		assert.match(new TextDecoder().decode(memory.readFile(uri)), /read back the date and time/i);
	});
});
