import * as vscode from 'vscode';
import type { TestApi } from '../../src/extension';
import { QuickInputIds, type QuickInputId } from '../../src/core/quickInputIds';
import { BACK, type Back, type StepPosition } from '../../src/core/quickInputStep';
import type { InputBoxSpec, QuickPickSpec, QuickPickWidget, Severity, UserInterface } from '../../src/vscode/userInterface';
import { waitFor } from '../support/waitFor';

export interface ShownMessage {
	severity: Severity;
	text: string;
	actions: string[];
	modal?: boolean;
}

export interface ShownInputBox {
	id: QuickInputId;
	title: string;
	prompt: string;
	value: string;
	/** What validateInput said about the answer typed, if anything. */
	validation: string | undefined;
	/** Where it stood in a multi-step flow, if it was a step. */
	position?: StepPosition;
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
	step: number | undefined;
	totalSteps: number | undefined;
	buttons: readonly vscode.QuickInputButton[] = [];
	visible = false;
	disposed = false;

	private itemList: readonly T[] = [];
	private selection: readonly T[] = [];
	private isBusy = false;
	private pendingEchoes = 0;
	private readonly selectionChanged = new vscode.EventEmitter<readonly T[]>();
	private readonly accepted = new vscode.EventEmitter<void>();
	private readonly hidden = new vscode.EventEmitter<void>();
	private readonly buttonTriggered = new vscode.EventEmitter<vscode.QuickInputButton>();
	readonly onDidChangeSelection = this.selectionChanged.event;
	readonly onDidAccept = this.accepted.event;
	readonly onDidHide = this.hidden.event;
	readonly onDidTriggerButton = this.buttonTriggered.event;

	constructor(
		/** The id the extension created it with: how the fake user knows which picker this is. */
		readonly id: QuickInputId,
		private readonly shown: (picker: FakeQuickPick<T>) => void,
	) {}

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
		this.buttonTriggered.dispose();
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

	/** The user presses the title bar's Back button; fails when the picker shows none. */
	async pressBack(): Promise<void> {
		await this.ready();
		if (this.disposed) return;
		if (!this.buttons.includes(vscode.QuickInputButtons.Back)) throw new Error(`the quick pick "${this.title}" has no Back button`);
		this.buttonTriggered.fire(vscode.QuickInputButtons.Back);
	}

	rows(): T[] {
		return this.itemList.filter((i) => i.kind !== vscode.QuickPickItemKind.Separator);
	}

	row(label: RegExp): T | undefined {
		return this.rows().find((i) => label.test(i.label));
	}
}

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
	pick: (items: readonly vscode.QuickPickItem[], options: QuickPickSpec) => vscode.QuickPickItem | undefined = () => undefined;
	/** Ids and titles of the single-choice quick picks shown, with their items' labels (and their place in a flow). */
	readonly picks: { id: QuickInputId; title: string; labels: string[]; position?: StepPosition }[] = [];
	/** The run picker step; the default checks `runIds` and presses OK. */
	onRunPicker: (picker: FakeQuickPick<vscode.QuickPickItem>) => Promise<void> = (picker) => this.chooseRuns(picker);
	/** The focus step; the default answers as `focus` says. */
	onFocusPicker: (picker: FakeQuickPick<vscode.QuickPickItem>) => Promise<void> = (picker) => this.chooseFocus(picker);
	/** Answers an input box not otherwise handled. */
	onInputBox: (options: InputBoxSpec) => string | undefined = () => undefined;
	/** Whether to press Back in a step's single-choice pick or input box (instead of answering). */
	goBack: (id: QuickInputId, position: StepPosition) => boolean = () => false;
	private readonly registration: vscode.Disposable;

	constructor(api: TestApi) {
		this.registration = api.replaceUserInterface(this);
	}

	async showMessage(severity: Severity, text: string, options: vscode.MessageOptions, ...actions: string[]): Promise<string | undefined> {
		const message = { severity, text, actions, modal: !!options.modal };
		this.messages.push(message);
		return options.modal ? this.answerModal(message) : this.answer(message);
	}

	showInputBox(options: InputBoxSpec): Promise<string | undefined> {
		return this.answerInputBox(options);
	}

	async inputStep(options: InputBoxSpec, position: StepPosition): Promise<string | Back | undefined> {
		if (position.canGoBack && this.goBack(options.id, position)) {
			this.inputBoxes.push({ id: options.id, title: options.title ?? '', prompt: options.prompt ?? '', value: options.value ?? '', validation: undefined, position });
			return BACK;
		}
		return this.answerInputBox(options, position);
	}

	async showQuickPick<T extends vscode.QuickPickItem>(items: readonly T[], options: QuickPickSpec): Promise<T | undefined> {
		this.picks.push({ id: options.id, title: options.title ?? '', labels: items.map((i) => i.label) });
		return this.pick(items, options) as T | undefined;
	}

	async pickStep<T extends vscode.QuickPickItem>(items: readonly T[], options: QuickPickSpec, position: StepPosition): Promise<T | Back | undefined> {
		this.picks.push({ id: options.id, title: options.title ?? '', labels: items.map((i) => i.label), position });
		if (position.canGoBack && this.goBack(options.id, position)) return BACK;
		return this.pick(items, options) as T | undefined;
	}

	createQuickPick<T extends vscode.QuickPickItem>(id: QuickInputId): QuickPickWidget<T> {
		return new FakeQuickPick<T>(id, (picker) => {
			const fake = picker as unknown as FakeQuickPick<vscode.QuickPickItem>;
			this.quickPicks.push(fake);
			this.act(fake).catch((err: unknown) => {
				this.failures.push(err);
				fake.hide();
			});
		});
	}

	/** Each progress notification shown: its title, the messages it showed, and its Cancel button. */
	readonly progress: { title: string; messages: string[]; cancel(): void }[] = [];

	withProgress<R>(title: string, task: (report: (message: string) => void, token: vscode.CancellationToken) => Thenable<R>): Thenable<R> {
		const source = new vscode.CancellationTokenSource();
		const shown = { title, messages: [] as string[], cancel: () => source.cancel() };
		this.progress.push(shown);
		return Promise.resolve(task((message) => shown.messages.push(message), source.token)).finally(() => source.dispose());
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

	private async answerInputBox(options: InputBoxSpec, position?: StepPosition): Promise<string | undefined> {
		let typed: string | undefined;
		if (options.id === QuickInputIds.apiKey) {
			this.apiKeyPrompts++;
			typed = this.apiKeyAnswers.shift();
		} else if (options.id === QuickInputIds.runIds) {
			typed = this.runIds?.join(', ');
		} else {
			typed = this.onInputBox(options);
		}
		const validation = typed === undefined ? undefined : await validationMessage(options, typed);
		this.inputBoxes.push({ id: options.id, title: options.title ?? '', prompt: options.prompt ?? '', value: options.value ?? '', validation, position });
		// A person cannot submit what the box refuses; they give up instead.
		return validation === undefined ? typed : undefined;
	}

	private async act(picker: FakeQuickPick<vscode.QuickPickItem>): Promise<void> {
		if (picker.id === QuickInputIds.runs) return this.onRunPicker(picker);
		if (picker.id === QuickInputIds.focus) return this.onFocusPicker(picker);
		throw new Error(`the fake user does not know the quick pick ${picker.id} ("${picker.title}")`);
	}

	/** Leaves the focus step checked as it is (or unchecked, or cancels it) as `focus` says. */
	async chooseFocus(picker: FakeQuickPick<vscode.QuickPickItem>): Promise<void> {
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
