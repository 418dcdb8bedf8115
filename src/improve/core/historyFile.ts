/** The improvement history's file: a versioned JSON document, written in parts and read strictly. */

import { bounded, HISTORY_LIMIT, HISTORY_MAX_CHARS, type HistoryEntry } from '../../core/history';
import { errorMessage } from '../../core/errorMessage';
import type { ProposalCheck } from '../../core/proposal';
import { isObject } from './jsonObject';

export const HISTORY_SCHEMA_VERSION = 1;

export function serializeHistory(entries: readonly HistoryEntry[]): string {
	return [...historyParts(entries)].join('');
}

/**
 * The history file in parts, one per field of each entry, which joined are `JSON.stringify({ version, entries },
 * undefined, '\t')`: the writer can give the event loop a turn after each part, the longest being one prompt.
 */
function* historyParts(entries: readonly HistoryEntry[]): Generator<string, void, void> {
	if (entries.length === 0) {
		yield JSON.stringify({ version: HISTORY_SCHEMA_VERSION, entries: [] }, undefined, '\t');
		return;
	}
	yield `{\n\t"version": ${HISTORY_SCHEMA_VERSION},\n\t"entries": [\n`;
	for (let i = 0; i < entries.length; i++) {
		yield* objectParts(entries[i] as unknown as Record<string, unknown>, '\t\t');
		yield i < entries.length - 1 ? ',\n' : '\n';
	}
	yield '\t]\n}';
}

/** `object` as `JSON.stringify` writes it with tabs, `indent` deep (the indent of its first line included), a field at a time. */
function* objectParts(object: Record<string, unknown>, indent: string): Generator<string, void, void> {
	const keys = Object.keys(object).filter((key) => object[key] !== undefined);
	if (keys.length === 0) {
		yield `${indent}{}`;
		return;
	}
	yield `${indent}{\n`;
	const inner = `${indent}\t`;
	for (let k = 0; k < keys.length; k++) {
		// A JSON text holds no raw line break but between its tokens, so indenting after each one is safe.
		const value = JSON.stringify(object[keys[k]], undefined, '\t').replace(/\n/g, `\n${inner}`);
		yield `${inner}${JSON.stringify(keys[k])}: ${value}${k < keys.length - 1 ? ',' : ''}\n`;
	}
	yield `${indent}}`;
}

/**
 * The history file's bytes, made an entry at a time with a turn of the event loop (`pause`) after each: the
 * history holds up to `HISTORY_MAX_CHARS` of text, and it is written several times per review.
 */
export async function historyBytes(entries: readonly HistoryEntry[], pause: () => Promise<void> = nextTurn): Promise<Uint8Array> {
	const encoder = new TextEncoder();
	const parts: Uint8Array[] = [];
	for (const part of historyParts(entries)) {
		parts.push(encoder.encode(part));
		await pause();
	}
	const bytes = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
	let at = 0;
	for (const part of parts) {
		bytes.set(part, at);
		at += part.length;
	}
	return bytes;
}

function nextTurn(): Promise<void> {
	return new Promise((resolve) => setImmediate(resolve));
}

type ParsedHistory = { ok: true; entries: HistoryEntry[]; dropped: number } | { ok: false; reason: string; /** Written by another version: keep it for that one. */ otherVersion: boolean };

/**
 * Reads a history file. Entries that are not well formed are dropped (and counted); a file that is not JSON or of
 * another schema version is refused as a whole, so it is never overwritten by mistake.
 */
export function parseHistory(text: string): ParsedHistory {
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch (err) {
		return { ok: false, reason: `not JSON (${errorMessage(err)})`, otherVersion: false };
	}
	if (!isObject(data) || !Array.isArray(data.entries)) return { ok: false, reason: 'no entries list', otherVersion: false };
	if (data.version !== HISTORY_SCHEMA_VERSION) return { ok: false, reason: `schema version ${String(data.version)}, this version reads ${HISTORY_SCHEMA_VERSION}`, otherVersion: true };
	const entries = (data.entries as unknown[]).filter(isEntry);
	const byId = new Map<string, HistoryEntry>();
	for (const entry of entries) byId.set(entry.id, entry);
	const sorted = [...byId.values()].sort((a, b) => b.time - a.time);
	const list = bounded(sorted, sorted[0]?.id ?? '', HISTORY_LIMIT, HISTORY_MAX_CHARS);
	return { ok: true, entries: list, dropped: (data.entries as unknown[]).length - list.length };
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const CHECK_KINDS: readonly unknown[] = ['placeholders', 'locality', 'growth', 'coverage', 'guardrails'] satisfies ProposalCheck['kind'][];
const isCheck = (v: unknown): v is ProposalCheck => isObject(v) && CHECK_KINDS.includes(v.kind) && typeof v.ok === 'boolean' && isString(v.line);

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
		(value.checks === undefined || (Array.isArray(value.checks) && value.checks.every(isCheck))) &&
		isString(value.stats) &&
		isString(value.original) &&
		isString(value.originalRaw) &&
		isString(value.encoding) &&
		isString(value.proposed) &&
		isString(value.current) &&
		(value.applied === undefined || isString(value.applied)) &&
		(value.outcome === 'open' || value.outcome === 'applied' || value.outcome === 'discarded') &&
		(value.decidedAt === undefined || isNumber(value.decidedAt)) &&
		(value.openReview === undefined || isString(value.openReview)) &&
		(value.test === undefined || isTest(value.test))
	);
}

function isTest(value: unknown): boolean {
	return (
		isObject(value) &&
		isString(value.summary) &&
		isNumber(value.at) &&
		isString(value.report) &&
		(value.failingRunIds === undefined || (Array.isArray(value.failingRunIds) && value.failingRunIds.every(isNumber)))
	);
}
