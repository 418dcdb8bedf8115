import type { RunListItem } from '../../core/apiTypes';
import { isFailedRun, runPickView, type RunPickView } from './runPickView';

interface Entry<T> {
	item: T;
	/** Parsed once: ms since the epoch, 0 without a valid timestamp. */
	time: number;
	/** Arrival order, which breaks ties in time as the server's order did. */
	seq: number;
}

/**
 * The runs loaded so far in the run picker, failed first and newest first within each group (the order of
 * `orderRunsForPicking`), kept sorted as pages arrive: each page is sorted on its own and merged in, and each
 * run's view item and timestamp are computed once. One more page costs its own sort plus a linear merge,
 * not a rebuild and re-sort of every run loaded so far.
 */
export class RunPickList<T> {
	private readonly known = new Set<number>();
	private failedEntries: Entry<T>[] = [];
	private otherEntries: Entry<T>[] = [];
	private seq = 0;
	private cached: { failed: T[]; other: T[] } | undefined;

	constructor(private readonly toItem: (view: RunPickView) => T) {}

	get size(): number {
		return this.known.size;
	}

	/** Adds a page of runs, skipping those already listed; returns how many were new. */
	add(page: readonly RunListItem[]): number {
		const failed: Entry<T>[] = [];
		const other: Entry<T>[] = [];
		for (const run of page) {
			if (this.known.has(run.id)) continue;
			this.known.add(run.id);
			const entry = { item: this.toItem(runPickView(run)), time: timeOf(run), seq: this.seq++ };
			(isFailedRun(run) ? failed : other).push(entry);
		}
		if (failed.length) this.failedEntries = merge(this.failedEntries, failed.sort(newestFirst));
		if (other.length) this.otherEntries = merge(this.otherEntries, other.sort(newestFirst));
		if (failed.length || other.length) this.cached = undefined;
		return failed.length + other.length;
	}

	/** The items in picking order; the same arrays until a page adds runs. */
	items(): { failed: readonly T[]; other: readonly T[] } {
		this.cached ??= { failed: this.failedEntries.map((e) => e.item), other: this.otherEntries.map((e) => e.item) };
		return this.cached;
	}
}

function timeOf(run: RunListItem): number {
	const t = run.timestamp ? Date.parse(run.timestamp) : NaN;
	return Number.isNaN(t) ? 0 : t;
}

function newestFirst<T>(a: Entry<T>, b: Entry<T>): number {
	return b.time - a.time || a.seq - b.seq;
}

/** Merges two lists sorted by `newestFirst` in linear time. */
function merge<T>(a: readonly Entry<T>[], b: readonly Entry<T>[]): Entry<T>[] {
	const out: Entry<T>[] = new Array(a.length + b.length);
	let i = 0;
	let j = 0;
	let k = 0;
	while (i < a.length && j < b.length) out[k++] = newestFirst(a[i], b[j]) <= 0 ? a[i++] : b[j++];
	while (i < a.length) out[k++] = a[i++];
	while (j < b.length) out[k++] = b[j++];
	return out;
}
