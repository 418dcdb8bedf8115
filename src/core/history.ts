import type { Focus } from './focus';
import type { ProposalCheck } from './proposal';
/**
 * The improvement history of a workspace: one record per proposal, newest first, bounded, and its file format.
 * No VS Code: the adapter (`src/improve/vscode/review/historyStore.ts`) reads and writes the file.
 */


/** How many proposals a workspace keeps. Open ones are never dropped to make room. */
export const HISTORY_LIMIT = 50;

type Outcome = 'open' | 'applied' | 'discarded';

export interface HistoryEntry {
	/** Unique and stable: names the entry's virtual documents and, while it is open, its review's. */
	readonly id: string;
	/** When the proposal arrived (ms since the epoch). */
	readonly time: number;
	readonly source: {
		/** The source document's URI, as `Uri.toString()` writes it. */
		readonly uri: string;
		readonly name: string;
		/** Lines of the prompt when it was sent, 1-based, inclusive. */
		readonly startLine: number;
		readonly endLine: number;
		/** Offsets of the prompt in the file when it was sent. */
		readonly start: number;
		readonly end: number;
	};
	readonly runIds: readonly number[];
	/** The failures the proposal was asked to focus on (absent in entries written before it was recorded). */
	readonly focus?: Focus;
	/** Engine and model: "Cekura", "gpt-4.1 via VS Code". */
	readonly author: string;
	readonly summary: string;
	readonly warnings: readonly string[];
	/** The proposal's checks as shown with its summary (absent in entries written before they were made). */
	readonly checks?: readonly ProposalCheck[];
	readonly stats: string;
	/** The prompt as reviewed (decoded from its form in the file). */
	readonly original: string;
	/** The prompt exactly as it stood in the file. */
	readonly originalRaw: string;
	/** How the prompt is written in the file, for the log: "plain text". */
	readonly encoding: string;
	readonly proposed: string;
	/** The right side of the review as the user left it (or leaves it now, while open). */
	readonly current: string;
	/** What was written into the file by the last Apply. */
	readonly applied?: string;
	readonly outcome: Outcome;
	/** When the outcome was decided (ms since the epoch). */
	readonly decidedAt?: number;
	/** Set while a review of this entry is open: the key in its documents' paths (`/review-<key>/…`). */
	readonly openReview?: string;
	/** The last test of the proposal in simulated chats (absent in entries written before tests were recorded). */
	readonly test?: RecordedTest;
}

export interface RecordedTest {
	/** "1 fixed, 0 regressed, 1 still failing". */
	readonly summary: string;
	/** When the test finished (ms since the epoch). */
	readonly at: number;
	/** The report, Markdown. */
	readonly report: string;
	/** The proposal's failing simulated runs, for Improve Again with Test Results (absent when none failed). */
	readonly failingRunIds?: readonly number[];
}

export interface HistoryFilter {
	/** A source URI (as in `source.uri`). */
	file?: string;
	runId?: number;
}

/**
 * How much text (prompts and proposals, counted in characters) the history keeps: a file this size is written and
 * read in a few tens of ms. Past it, the oldest decided entries go; open ones and the newest never do.
 */
export const HISTORY_MAX_CHARS = 8 * 1024 * 1024;

/** The characters of an entry's texts, which make up nearly all of its size in the file. */
export function entryChars(entry: HistoryEntry): number {
	return entry.original.length + entry.originalRaw.length + entry.proposed.length + entry.current.length + (entry.applied?.length ?? 0) + entry.summary.length + entry.warnings.reduce((sum, w) => sum + w.length, 0) + (entry.checks ?? []).reduce((sum, c) => sum + c.line.length, 0) + (entry.test ? entry.test.report.length + entry.test.summary.length : 0);
}

/**
 * `entries` with `entry` added or replaced, newest first, at most `limit` of them and `maxChars` of text (dropping
 * the oldest decided ones; `entry` itself stays).
 */
export function withEntry(entries: readonly HistoryEntry[], entry: HistoryEntry, limit = HISTORY_LIMIT, maxChars = HISTORY_MAX_CHARS): HistoryEntry[] {
	const list = [entry, ...entries.filter((e) => e.id !== entry.id)].sort((a, b) => b.time - a.time);
	return bounded(list, entry.id, limit, maxChars);
}

/** `list` (newest first) without its oldest decided entries past `limit` entries or `maxChars` of text; `keep` and the newest stay. */
export function bounded(list: HistoryEntry[], keep: string, limit: number, maxChars: number): HistoryEntry[] {
	let chars = list.reduce((sum, e) => sum + entryChars(e), 0);
	while (list.length > limit || chars > maxChars) {
		let drop = -1;
		for (let i = list.length - 1; i > 0; i--) {
			if (!list[i].openReview && list[i].id !== keep) {
				drop = i;
				break;
			}
		}
		if (drop === -1) break;
		chars -= entryChars(list[drop]);
		list.splice(drop, 1);
	}
	return list;
}

/** The entry `id` changed by `change`; the list unchanged when there is none. */
export function updateEntry(entries: readonly HistoryEntry[], id: string, change: (entry: HistoryEntry) => HistoryEntry, maxChars = HISTORY_MAX_CHARS): HistoryEntry[] {
	return bounded(
		entries.map((e) => (e.id === id ? change(e) : e)),
		id,
		Infinity,
		maxChars,
	);
}

/** What a proposal became when its review closed; a discarded reopening leaves an earlier Apply recorded. */
export function closedEntry(entry: HistoryEntry, outcome: 'applied' | 'discarded', rightSide: string, now: number): HistoryEntry {
	const rest: HistoryEntry = { ...entry, openReview: undefined };
	if (outcome === 'applied') return { ...rest, current: rightSide, applied: rightSide, outcome, decidedAt: now };
	return { ...rest, current: rightSide, outcome: entry.outcome === 'applied' ? 'applied' : 'discarded', decidedAt: entry.outcome === 'applied' ? entry.decidedAt : now };
}

export function filterEntries(entries: readonly HistoryEntry[], filter: HistoryFilter): HistoryEntry[] {
	return entries.filter((e) => (filter.file === undefined || e.source.uri === filter.file) && (filter.runId === undefined || e.runIds.includes(filter.runId)));
}

/** The files and runs the entries name, for the filter pickers: files by name, runs descending. */
export function filterChoices(entries: readonly HistoryEntry[]): { files: { uri: string; name: string; count: number }[]; runIds: number[] } {
	const files = new Map<string, { uri: string; name: string; count: number }>();
	const runs = new Set<number>();
	for (const e of entries) {
		const file = files.get(e.source.uri) ?? { uri: e.source.uri, name: e.source.name, count: 0 };
		file.count++;
		files.set(e.source.uri, file);
		e.runIds.forEach((id) => runs.add(id));
	}
	return { files: [...files.values()].sort((a, b) => a.name.localeCompare(b.name) || a.uri.localeCompare(b.uri)), runIds: [...runs].sort((a, b) => b - a) };
}

/** The text a proposal stands for now: what was applied, else the right side as left. */
export function finalText(entry: HistoryEntry): string {
	return entry.applied ?? entry.current;
}

/** The two texts of an entry shown as read-only documents: the recorded original, and what the proposal became. */
type HistoryVersion = 'original' | 'proposal';

/** The path of an entry's read-only document: `/<entry id>/<version>/<file name>`. */
export function versionPath(entry: HistoryEntry, version: HistoryVersion): string {
	return `/${entry.id}/${version}/${entry.source.name}`;
}

/**
 * The path of an entry's test report: `/<entry id>/test/<when>/Cekura Test <n> – <stem>.md` (n: the review's), a new document for each
 * test (the name says what it shows; the Markdown preview titles its tab with it).
 */
export function testReportPath(entry: HistoryEntry, test: RecordedTest, n?: number): string {
	const stem = entry.source.name.replace(/\.[^.]*$/, '') || entry.source.name;
	return `/${entry.id}/test/${test.at}/Cekura Test${n === undefined ? '' : ` ${n}`} – ${stem}.md`;
}

/** The entry id of a test report's path. */
export function parseTestReportPath(path: string): string | undefined {
	const [empty, id, test] = path.split('/');
	return empty === '' && id && test === 'test' ? id : undefined;
}

/** The entry id and version a read-only document's path names. */
export function parseVersionPath(path: string): { id: string; version: HistoryVersion } | undefined {
	const [empty, id, version] = path.split('/');
	if (empty !== '' || !id || (version !== 'original' && version !== 'proposal')) return undefined;
	return { id, version };
}

/**
 * Where the recorded prompt (`raw`, as it stood in the file) is in `text` now: at its recorded place if it is still
 * there, else where it occurs exactly once. Undefined when it cannot be found for sure.
 */
export function relocate(text: string, raw: string, recorded: { start: number; end: number }): { start: number; end: number } | undefined {
	if (raw.length === 0) return undefined;
	if (text.slice(recorded.start, recorded.end) === raw) return { start: recorded.start, end: recorded.end };
	const at = text.indexOf(raw);
	if (at === -1 || text.indexOf(raw, at + 1) !== -1) return undefined;
	return { start: at, end: at + raw.length };
}

/**
 * Whether the prompt found at `range` is already inside a written proposal (`written`: the file forms of the texts
 * the proposal may have left there): a proposal that only adds lines keeps the original as part of itself, and
 * applying it again there would add them twice.
 */
export function alreadyApplied(text: string, range: { start: number; end: number }, written: readonly string[]): boolean {
	for (const candidate of written) {
		if (candidate.length <= range.end - range.start) continue;
		for (let at = text.indexOf(candidate); at !== -1; at = text.indexOf(candidate, at + 1)) {
			if (at <= range.start && at + candidate.length >= range.end) return true;
		}
	}
	return false;
}
