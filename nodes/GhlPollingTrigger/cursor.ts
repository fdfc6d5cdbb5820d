/**
 * The polling cursor: a time window plus the records already emitted inside it.
 *
 * Each poll reads every record whose timestamp (dateAdded / dateUpdated) is ≥ `since`, in
 * ascending (timestamp, id) order, paging with GHL's `searchAfter` to the end — never only the
 * first page. A record is emitted when its id is not in `seen` at that timestamp or a newer one;
 * then `since` moves to (newest timestamp read − overlap) and `seen` keeps only the ids whose
 * timestamp is still ≥ `since`.
 *
 * Why this misses nothing and emits nothing twice:
 * - Several records may share a millisecond, and more may arrive at that millisecond after a poll
 *   read it. They are ≥ `since` on the next poll, and only the ids in `seen` are skipped — the
 *   (timestamp, id) pair is the cursor, `seen` its boundary set.
 * - Thousands changing between two polls are read page by page in timestamp order; nothing is cut.
 * - GHL's search may show a write a few seconds late (its index lags). The overlap re-reads that
 *   much of the past on every poll, and `seen` filters what was already emitted. A record that
 *   becomes visible later than the overlap, with an older timestamp, is missed: choose the overlap
 *   accordingly (default 60 s).
 * - An updated record gets a newer timestamp and is emitted again (it is a new version); a stale
 *   read of an older version is ignored.
 * - `seen` is bounded (MAX_SEEN). If more than that many records change inside one overlap window,
 *   the oldest timestamps are dropped whole and `since` moves past them, so what is forgotten can
 *   only be missed (if it shows up late), never emitted twice.
 */

export interface WindowState {
	/** Lower bound (epoch ms, inclusive) of the next read. */
	since: number;
	/** id → timestamp of the version already emitted (or taken as the baseline). */
	seen: Record<string, number>;
}

export interface Stamped<T> {
	id: string;
	ts: number;
	record: T;
}

export const MAX_SEEN = 10_000;

export function newWindow(since: number): WindowState {
	return { since, seen: {} };
}

export function isWindowState(value: unknown): value is WindowState {
	if (!value || typeof value !== 'object') return false;
	const state = value as WindowState;
	return typeof state.since === 'number' && !!state.seen && typeof state.seen === 'object';
}

/** Epoch ms of a GHL date (ISO string or epoch ms); NaN when absent or unreadable. */
export function toMillis(value: unknown): number {
	if (typeof value === 'number') return value;
	if (typeof value === 'string' && value !== '') return /^\d+$/.test(value) ? Number(value) : Date.parse(value);
	return NaN;
}

export function compareStamped(a: { ts: number; id: string }, b: { ts: number; id: string }): number {
	if (a.ts !== b.ts) return a.ts - b.ts;
	return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Feeds the records of one poll through the window. Returns the records to emit (oldest first) and
 * the next state; the given state is not modified. `ceiling` caps how far `since` may move (for
 * reads that were not one consistent pass, e.g. per-contact lists read over time); -Infinity keeps
 * `since` where it is.
 */
export function advanceWindow<T>(
	state: WindowState,
	records: Array<Stamped<T>>,
	overlapMs: number,
	ceiling = Infinity,
): { fresh: Array<Stamped<T>>; next: WindowState } {
	// The same record can be read twice in one poll if it changed while pages were read: keep its newest version.
	const newest = new Map<string, Stamped<T>>();
	for (const record of records) {
		if (!record.id || !Number.isFinite(record.ts) || record.ts < state.since) continue;
		const known = newest.get(record.id);
		if (!known || record.ts > known.ts) newest.set(record.id, record);
	}

	const seen: Record<string, number> = { ...state.seen };
	const fresh: Array<Stamped<T>> = [];
	let newestTs = -Infinity;
	for (const record of [...newest.values()].sort(compareStamped)) {
		newestTs = Math.max(newestTs, record.ts);
		const emittedAt = seen[record.id];
		if (emittedAt !== undefined && emittedAt >= record.ts) continue;
		seen[record.id] = record.ts;
		fresh.push(record);
	}

	let since = Number.isFinite(newestTs) ? Math.max(state.since, Math.min(newestTs - overlapMs, ceiling)) : state.since;
	for (const [id, ts] of Object.entries(seen)) if (ts < since) delete seen[id];

	const ids = Object.keys(seen);
	if (ids.length > MAX_SEEN) {
		const stamps = ids.map((id) => seen[id]).sort((a, b) => a - b);
		// Drop whole timestamps, so no timestamp ≥ the new `since` is half forgotten.
		const cut = stamps[ids.length - MAX_SEEN - 1];
		since = Math.max(since, cut + 1);
		for (const id of ids) if (seen[id] < since) delete seen[id];
	}
	return { fresh, next: { since, seen } };
}
