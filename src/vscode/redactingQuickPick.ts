import type * as vscode from 'vscode';
import type { QuickPickWidget } from './userInterface';

/**
 * A quick pick that shows redacted copies of its title, placeholder and items, while the extension sets and reads
 * its own items. Each item is copied once, so a picker that sets its items again (more pages) redacts only new ones.
 */
export class RedactingQuickPick<T extends vscode.QuickPickItem> implements QuickPickWidget<T> {
	private originals: readonly T[] = [];
	private readonly copyOf = new WeakMap<T, T>();
	private readonly originalOf = new WeakMap<T, T>();
	private titleText: string | undefined;
	private placeholderText: string | undefined;

	constructor(
		private readonly inner: QuickPickWidget<T>,
		private readonly redact: (text: string) => string,
	) {}

	get items(): readonly T[] {
		return this.originals;
	}
	set items(items: readonly T[]) {
		this.originals = items;
		this.inner.items = this.copies(items);
	}

	get selectedItems(): readonly T[] {
		return this.toOriginals(this.inner.selectedItems);
	}
	set selectedItems(items: readonly T[]) {
		this.inner.selectedItems = this.copies(items);
	}

	get title(): string | undefined {
		return this.titleText;
	}
	set title(title: string | undefined) {
		this.titleText = title;
		this.inner.title = title === undefined ? undefined : this.redact(title);
	}

	get placeholder(): string | undefined {
		return this.placeholderText;
	}
	set placeholder(placeholder: string | undefined) {
		this.placeholderText = placeholder;
		this.inner.placeholder = placeholder === undefined ? undefined : this.redact(placeholder);
	}

	// Shown as they are: passed to the quick pick on the screen (defined below the class).
	declare busy: boolean;
	declare canSelectMany: boolean;
	declare matchOnDescription: boolean;
	declare matchOnDetail: boolean;
	declare ignoreFocusOut: boolean;
	declare keepScrollPosition: boolean | undefined;
	declare step: number | undefined;
	declare totalSteps: number | undefined;
	declare buttons: readonly vscode.QuickInputButton[];

	readonly onDidChangeSelection: vscode.Event<readonly T[]> = (listener, thisArgs, disposables) =>
		this.inner.onDidChangeSelection((shown) => listener.call(thisArgs, this.toOriginals(shown)), undefined, disposables);

	get onDidAccept(): vscode.Event<void> {
		return this.inner.onDidAccept;
	}
	get onDidTriggerButton(): vscode.Event<vscode.QuickInputButton> {
		return this.inner.onDidTriggerButton;
	}
	get onDidHide(): vscode.Event<void> {
		return this.inner.onDidHide;
	}

	show(): void {
		this.inner.show();
	}
	hide(): void {
		this.inner.hide();
	}
	dispose(): void {
		this.inner.dispose();
	}

	private copies(items: readonly T[]): T[] {
		return items.map((item) => {
			let copy = this.copyOf.get(item);
			if (!copy) {
				copy = { ...item, label: this.redact(item.label), description: this.optional(item.description), detail: this.optional(item.detail) };
				this.copyOf.set(item, copy);
				this.originalOf.set(copy, item);
			}
			return copy;
		});
	}

	private toOriginals(shown: readonly T[]): T[] {
		return shown.map((copy) => this.originalOf.get(copy) ?? copy);
	}

	private optional(text: string | undefined): string | undefined {
		return text === undefined ? undefined : this.redact(text);
	}
}

type Passed = 'busy' | 'canSelectMany' | 'matchOnDescription' | 'matchOnDetail' | 'ignoreFocusOut' | 'keepScrollPosition' | 'step' | 'totalSteps' | 'buttons';
const PASSED: readonly Passed[] = ['busy', 'canSelectMany', 'matchOnDescription', 'matchOnDetail', 'ignoreFocusOut', 'keepScrollPosition', 'step', 'totalSteps', 'buttons'];
for (const name of PASSED) {
	Object.defineProperty(RedactingQuickPick.prototype, name, {
		get(this: { inner: Record<Passed, unknown> }) {
			return this.inner[name];
		},
		set(this: { inner: Record<Passed, unknown> }, value: unknown) {
			this.inner[name] = value;
		},
	});
}
