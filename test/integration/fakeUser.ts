import * as vscode from 'vscode';
import type { TestApi } from '../../src/extension';
import type { QuickPickWidget, Severity, UserInterface } from '../../src/vscode/userInterface';
import { waitFor } from '../support/waitFor';

export interface ShownMessage {
	severity: Severity;
	text: string;
	actions: string[];
	modal?: boolean;
}

export interface ShownInputBox {
	title: string;
	prompt: string;
	value: string;
	/** What validateInput said about the answer typed, if anything. */
	validation: string | undefined;
}

/**
 * A quick pick as a person uses it: they see the items the extension put there, click rows (which toggles them and
 * reports the new selection, as the workbench does) and press OK. The extension's picker logic runs unchanged on it.
 */
export class FakeQuickPick<T extends vscode.QuickPickItem> implements QuickPickWidget<T> {
	title: string | undefined;
	placeholder: string | undefined;
	canSelectMany = false;
	matchOnDescription = false;
	matchOnDetail = false;
	ignoreFocusOut = false;
	keepScrollPosition = false;
	visible = false;
	disposed = false;

	private itemList: readonly T[] = [];
	private selection: readonly T[] = [];
	private isBusy = false;
	private pendingEchoes = 0;
	private readonly selectionChanged = new vscode.EventEmitter<readonly T[]>();
	private readonly accepted = new vscode.EventEmitter<void>();
	private readonly hidden = new vscode.EventEmitter<void>();
	readonly onDidChangeSelection = this.selectionChanged.event;
	readonly onDidAccept = this.accepted.event;
	readonly onDidHide = this.hidden.event;

	constructor(private readonly shown: (picker: FakeQuickPick<T>) => void) {}

	get items(): readonly T[] {
		return this.itemList;
	}
	set items(items: readonly T[]) {
		this.itemList = items;
	}

	get selectedItems(): readonly T[] {
		return this.selection;
	}
	set selectedItems(items: readonly T[]) {
		this.selection = items;
		// The workbench reports a selection set by the extension back as a selection change, a moment later.
		this.pendingEchoes++;
		setTimeout(() => {
			this.pendingEchoes--;
			if (!this.disposed) this.selectionChanged.fire(items);
		}, 0);
	}

	get busy(): boolean {
		return this.isBusy;
	}
	set busy(busy: boolean) {
		this.isBusy = busy;
	}

	show(): void {
		this.visible = true;
		this.shown(this);
	}

	hide(): void {
		if (!this.visible) return;
		this.visible = false;
		this.hidden.fire();
	}

	dispose(): void {
		this.hide();
		this.disposed = true;
		this.selectionChanged.dispose();
		this.accepted.dispose();
		this.hidden.dispose();
	}

	/** Resolves once the picker has its items (not busy) and shows what the extension last set, or is gone. */
	async ready(): Promise<void> {
		await waitFor(() => this.disposed || (!this.isBusy && this.pendingEchoes === 0), `the quick pick "${this.title}" to finish loading`);
	}

	/** The user clicks a row's checkbox, then looks at what changed. */
	async toggle(item: T): Promise<void> {
		await this.ready();
		if (this.disposed) return;
		const checked = this.selection.includes(item);
		this.selection = checked ? this.selection.filter((i) => i !== item) : [...this.selection, item];
		this.selectionChanged.fire(this.selection);
		await this.ready();
	}

	/** The user presses OK (or Enter, in a single-select pick). */
	async accept(): Promise<void> {
		await this.ready();
		if (!this.disposed) this.accepted.fire();
	}

	rows(): T[] {
		return this.itemList.filter((i) => i.kind !== vscode.QuickPickItemKind.Separator);
	}

	row(label: RegExp): T | undefined {
		return this.rows().find((i) => label.test(i.label));
	}
}

const RUN_PICKER = /Choose up to \d+ runs/;
const FOCUS_PICKER = /Focus the improvement/;
const API_KEY_BOX = /Set API Key/;
const RUN_IDS_BOX = /Enter up to \d+ run IDs/;

/**
 * Stands in for the person at the keyboard, through the extension's `UserInterface` seam: it answers every question
 * and records every message. Quick picks and input boxes are the extension's own, with their logic and validation;
 * only the clicks and keystrokes are scripted. Steps can be replaced per test.
 */
export class FakeUser implements UserInterface {
	readonly messages: ShownMessage[] = [];
	readonly inputBoxes: ShownInputBox[] = [];
	readonly quickPicks: FakeQuickPick<vscode.QuickPickItem>[] = [];
	/** Steps that went wrong; a test's teardown reports them. */
	readonly failures: unknown[] = [];
	/** Runs to check in the run picker; one that is not listed is typed in manual entry. Undefined cancels. */
	runIds: number[] | undefined = [5546];
	/** What the run picker had checked when it finished loading. */
	lastIdsOffered: number[] | undefined;
	apiKeyAnswers: (string | undefined)[] = [];
	apiKeyPrompts = 0;
	confirmWholeDocument = true;
	focus: 'all' | 'none' | 'cancel' = 'all';
	/** Which button to press on a message; undefined closes it. */
	answer: (message: ShownMessage) => string | undefined = () => undefined;
	/** Which button to press in a modal dialog; by default the first, or Cancel for "use the whole document?" when `confirmWholeDocument` is false. */
	answerModal: (message: ShownMessage) => string | undefined = (m) => (/No text is selected/.test(m.text) && !this.confirmWholeDocument ? undefined : m.actions[0]);
	/** Which item to pick in a single-choice quick pick (`showQuickPick`); undefined dismisses it. */
	pick: (items: readonly vscode.QuickPickItem[], options: vscode.QuickPickOptions) => vscode.QuickPickItem | undefined = () => undefined;
	/** Titles of the single-choice quick picks shown, with their items' labels. */
	readonly picks: { title: string; labels: string[] }[] = [];
	/** The run picker step; the default checks `runIds` and presses OK. */
	onRunPicker: (picker: FakeQuickPick<vscode.QuickPickItem>) => Promise<void> = (picker) => this.chooseRuns(picker);
	/** Answers an input box not otherwise handled. */
	onInputBox: (options: vscode.InputBoxOptions) => string | undefined = () => undefined;
	private readonly registration: vscode.Disposable;

	constructor(api: TestApi) {
		this.registration = api.replaceUserInterface(this);
	}

	async showMessage(severity: Severity, text: string, options: vscode.MessageOptions, ...actions: string[]): Promise<string | undefined> {
		const message = { severity, text, actions, modal: !!options.modal };
		this.messages.push(message);
		return options.modal ? this.answerModal(message) : this.answer(message);
	}

	async showInputBox(options: vscode.InputBoxOptions): Promise<string | undefined> {
		const title = options.title ?? '';
		let typed: string | undefined;
		if (API_KEY_BOX.test(title)) {
			this.apiKeyPrompts++;
			typed = this.apiKeyAnswers.shift();
		} else if (RUN_IDS_BOX.test(title)) {
			typed = this.runIds?.join(', ');
		} else {
			typed = this.onInputBox(options);
		}
		const validation = typed === undefined ? undefined : await validationMessage(options, typed);
		this.inputBoxes.push({ title, prompt: options.prompt ?? '', value: options.value ?? '', validation });
		// A person cannot submit what the box refuses; they give up instead.
		return validation === undefined ? typed : undefined;
	}

	async showQuickPick<T extends vscode.QuickPickItem>(items: readonly T[], options: vscode.QuickPickOptions): Promise<T | undefined> {
		this.picks.push({ title: options.title ?? '', labels: items.map((i) => i.label) });
		return this.pick(items, options) as T | undefined;
	}

	createQuickPick<T extends vscode.QuickPickItem>(): QuickPickWidget<T> {
		return new FakeQuickPick<T>((picker) => {
			const fake = picker as unknown as FakeQuickPick<vscode.QuickPickItem>;
			this.quickPicks.push(fake);
			this.act(fake).catch((err: unknown) => {
				this.failures.push(err);
				fake.hide();
			});
		});
	}

	messagesMatching(pattern: RegExp): ShownMessage[] {
		return this.messages.filter((m) => pattern.test(m.text));
	}

	async waitForMessage(pattern: RegExp, timeoutMs = 10_000): Promise<ShownMessage> {
		await waitFor(() => this.messagesMatching(pattern).length > 0, `a message matching ${pattern}; got ${JSON.stringify(this.messages.map((m) => m.text))}`, timeoutMs);
		return this.messagesMatching(pattern)[0];
	}

	/** Checks exactly `runIds` in the run picker and presses OK; types them instead when one is not listed. */
	async chooseRuns(picker: FakeQuickPick<vscode.QuickPickItem>): Promise<void> {
		await picker.ready();
		if (picker.disposed) return;
		this.lastIdsOffered = picker.selectedItems.flatMap((i) => runIdOf(i) ?? []);
		const ids = this.runIds;
		if (ids === undefined) {
			picker.hide();
			return;
		}
		const rows = ids.map((id) => picker.row(new RegExp(`^#${id} `)));
		if (rows.some((r) => r === undefined)) {
			const manual = picker.row(/Enter run IDs manually/);
			if (!manual) throw new Error('the run picker offers no manual entry');
			await picker.toggle(manual);
			return;
		}
		for (const item of [...picker.selectedItems]) await picker.toggle(item);
		for (const row of rows) if (row) await picker.toggle(row);
		await picker.accept();
	}

	dispose(): void {
		this.registration.dispose();
	}

	private async act(picker: FakeQuickPick<vscode.QuickPickItem>): Promise<void> {
		// The extension sets the title before it shows the picker.
		const title = picker.title ?? '';
		if (RUN_PICKER.test(title)) return this.onRunPicker(picker);
		if (FOCUS_PICKER.test(title)) return this.chooseFocus(picker);
		throw new Error(`the fake user does not know the quick pick "${title}"`);
	}

	private async chooseFocus(picker: FakeQuickPick<vscode.QuickPickItem>): Promise<void> {
		await picker.ready();
		if (picker.disposed) return;
		if (this.focus === 'cancel') {
			picker.hide();
			return;
		}
		if (this.focus === 'none') for (const item of [...picker.selectedItems]) await picker.toggle(item);
		await picker.accept();
	}
}

/** The run ID a run picker row stands for (its label starts `#5546 `). */
export function runIdOf(item: vscode.QuickPickItem): number | undefined {
	const match = /^#(\d+) /.exec(item.label);
	return match ? Number(match[1]) : undefined;
}

async function validationMessage(options: vscode.InputBoxOptions, value: string): Promise<string | undefined> {
	const result = await options.validateInput?.(value);
	if (result === undefined || result === null) return undefined;
	return typeof result === 'string' ? result || undefined : result.message;
}
