/**
 * The improvement history of a workspace: one record per proposal, newest first, bounded, and its file format.
 * Pure: the adapter (`src/vscode/review/historyStore.ts`) reads and writes the file.
 */

import type { Focus } from './focusOptions';

export const HISTORY_SCHEMA_VERSION = 1;

/** How many proposals a workspace keeps. Open ones are never dropped to make room. */
export const HISTORY_LIMIT = 50;

export type Outcome = 'open' | 'applied' | 'discarded';

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
}

export interface HistoryFilter {
	/** A source URI (as in `source.uri`). */
	file?: string;
	runId?: number;
}

/** `entries` with `entry` added or replaced, newest first, at most `limit` (dropping the oldest decided ones). */
export function withEntry(entries: readonly HistoryEntry[], entry: HistoryEntry, limit = HISTORY_LIMIT): HistoryEntry[] {
	const list = [entry, ...entries.filter((e) => e.id !== entry.id)].sort((a, b) => b.time - a.time);
	while (list.length > limit) {
		let drop = -1;
		for (let i = list.length - 1; i >= 0; i--) {
			if (!list[i].openReview) {
				drop = i;
				break;
			}
		}
		if (drop === -1) break;
		list.splice(drop, 1);
	}
	return list;
}

/** The entry `id` changed by `change`; the list unchanged when there is none. */
export function updateEntry(entries: readonly HistoryEntry[], id: string, change: (entry: HistoryEntry) => HistoryEntry): HistoryEntry[] {
	return entries.map((e) => (e.id === id ? change(e) : e));
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
export type HistoryVersion = 'original' | 'proposal';

/** The path of an entry's read-only document: `/<entry id>/<version>/<file name>`. */
export function versionPath(entry: HistoryEntry, version: HistoryVersion): string {
	return `/${entry.id}/${version}/${entry.source.name}`;
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

export function serializeHistory(entries: readonly HistoryEntry[]): string {
	return JSON.stringify({ version: HISTORY_SCHEMA_VERSION, entries }, undefined, '\t');
}

export type ParsedHistory = { ok: true; entries: HistoryEntry[]; dropped: number } | { ok: false; reason: string; /** Written by another version: keep it for that one. */ otherVersion: boolean };

/**
 * Reads a history file. Entries that are not well formed are dropped (and counted); a file that is not JSON or of
 * another schema version is refused as a whole, so it is never overwritten by mistake.
 */
export function parseHistory(text: string): ParsedHistory {
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch (err) {
		return { ok: false, reason: `not JSON (${err instanceof Error ? err.message : String(err)})`, otherVersion: false };
	}
	if (!isObject(data) || !Array.isArray(data.entries)) return { ok: false, reason: 'no entries list', otherVersion: false };
	if (data.version !== HISTORY_SCHEMA_VERSION) return { ok: false, reason: `schema version ${String(data.version)}, this version reads ${HISTORY_SCHEMA_VERSION}`, otherVersion: true };
	const entries = (data.entries as unknown[]).filter(isEntry);
	let list: HistoryEntry[] = [];
	for (const entry of entries) list = withEntry(list, entry);
	return { ok: true, entries: list, dropped: (data.entries as unknown[]).length - list.length };
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function isEntry(value: unknown): value is HistoryEntry {
	if (!isObject(value) || !isObject(value.source)) return false;
	const s = value.source;
	return (
		isString(value.id) &&
		value.id.length > 0 &&
		isNumber(value.time) &&
		isString(s.uri) &&
		isString(s.name) &&
		isNumber(s.startLine) &&
		isNumber(s.endLine) &&
		isNumber(s.start) &&
		isNumber(s.end) &&
		Array.isArray(value.runIds) &&
		value.runIds.every(isNumber) &&
		isString(value.author) &&
		isString(value.summary) &&
		Array.isArray(value.warnings) &&
		value.warnings.every(isString) &&
		isString(value.stats) &&
		isString(value.original) &&
		isString(value.originalRaw) &&
		isString(value.encoding) &&
		isString(value.proposed) &&
		isString(value.current) &&
		(value.applied === undefined || isString(value.applied)) &&
		(value.outcome === 'open' || value.outcome === 'applied' || value.outcome === 'discarded') &&
		(value.decidedAt === undefined || isNumber(value.decidedAt)) &&
		(value.openReview === undefined || isString(value.openReview))
	);
}
