import { sleep } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

/**
 * Client-side pacing for GHL's per-location limits (100 requests / 10 s burst, 200,000 / day).
 *
 * Each location keeps a log of the requests this process sent in the current interval, sized by the
 * X-RateLimit-Max / X-RateLimit-Interval-Milliseconds headers GHL returns, so a long run stays under
 * the burst limit without meeting a 429. GHL counts a request when it arrives, somewhere between our
 * send and its answer: so a request in flight counts as "now" until it is answered, and several in
 * flight at once (the action node's Concurrency) never push the location past its limit.
 *
 * An answered request leaves the window one interval after GHL counted it, which is before its
 * answer by at least its way back, and the next request is counted after its own way there. Those
 * two legs together take at least the fastest round trip seen for the location, so an answered
 * request is let go one interval after its answer less that fastest round trip: the pacer then waits
 * one interval plus the latency's jitter per slot, not one interval plus the whole latency (which,
 * at 500 ms per answer, cost 5 % of GHL's ceiling).
 *
 * X-RateLimit-Remaining covers traffic from other processes (queue-mode workers, other workflows):
 * what GHL counts beyond our own requests shrinks our budget for one interval, and a 429 that still
 * happens is waited out by the transport. Nothing here is needed for correctness across processes; it only avoids 429s.
 */

const DEFAULT_MAX = 100;
const DEFAULT_INTERVAL_MS = 10_000;
/** Requests kept in hand below the server's maximum, for clock skew between us and GHL. */
const RESERVE = 1;
/**
 * Extra wait after a request leaves the window, 1 % of the interval (at least 50 ms): timer slack, and
 * the two legs taking a little less than the fastest round trip seen.
 */
const MARGIN_SHARE = 0.01;
// At least 50 ms: a request's way there varies by more than 10 ms on a busy host (a 500 ms window's
// 1 % was too little: one 429 in 200 on a loaded CI machine).
const MIN_MARGIN_MS = 50;
const marginMs = (intervalMs: number) => Math.max(MIN_MARGIN_MS, Math.round(intervalMs * MARGIN_SHARE));
/**
 * Answers seen before the fastest round trip is trusted as the two legs' least: from a few answers
 * it can be a slow one (a host pause, a long way there), and it would let the next request go early.
 */
const ROUND_TRIPS_TRUSTED = 10;
/** A request never answered (a path that skipped `observe`) stops counting as in flight after this. */
const LONGEST_FLIGHT_MS = 2 * 60_000;
/** How often requests waiting for a location's first answer look again. */
const FIRST_ANSWER_POLL_MS = 10;

/** One request booked by `acquire`; `observe` marks it answered. */
export interface Sent {
	sentAt: number;
	/** When it was answered (undefined while in flight). */
	answeredAt?: number;
}

interface LocationWindow {
	max: number;
	intervalMs: number;
	sent: Sent[];
	/** The fastest round trip (send to answer) seen for this location, in ms, and of how many answers. */
	fastestMs?: number;
	roundTrips?: number;
	/** Whether GHL has answered a request for this location (its headers then gave the real limit). */
	answered?: boolean;
	/** Requests of other processes GHL counted in the window, as its X-RateLimit-Remaining showed. */
	others?: number;
	othersAt?: number;
	dailyRemaining?: number;
}

export interface RateLimitHeaders {
	max?: number;
	intervalMs?: number;
	remaining?: number;
	dailyLimit?: number;
	dailyRemaining?: number;
	retryAfterMs?: number;
}

function headerNumber(headers: IDataObject | undefined, name: string): number | undefined {
	if (!headers) return undefined;
	const raw = headers[name] ?? headers[name.toLowerCase()];
	const value = Number(Array.isArray(raw) ? raw[0] : raw);
	return raw === undefined || raw === null || raw === '' || !Number.isFinite(value) ? undefined : value;
}

export function readRateLimitHeaders(headers: IDataObject | undefined): RateLimitHeaders {
	const retryAfterSeconds = headerNumber(headers, 'retry-after');
	return {
		max: headerNumber(headers, 'x-ratelimit-max'),
		intervalMs: headerNumber(headers, 'x-ratelimit-interval-milliseconds'),
		remaining: headerNumber(headers, 'x-ratelimit-remaining'),
		dailyLimit: headerNumber(headers, 'x-ratelimit-limit-daily'),
		dailyRemaining: headerNumber(headers, 'x-ratelimit-daily-remaining'),
		retryAfterMs: retryAfterSeconds === undefined ? undefined : retryAfterSeconds * 1000,
	};
}

export class RateLimiter {
	private readonly windows = new Map<string, LocationWindow>();

	private window(key: string): LocationWindow {
		let window = this.windows.get(key);
		if (!window) {
			window = { max: DEFAULT_MAX, intervalMs: DEFAULT_INTERVAL_MS, sent: [] };
			this.windows.set(key, window);
		}
		return window;
	}

	/**
	 * When GHL stops counting this request for the next one we send: one interval after its answer,
	 * less the fastest round trip (its way back and the next one's way there) once enough answers
	 * were seen to trust it, plus a margin.
	 * Infinity while it is in flight.
	 */
	private leavesAt(window: LocationWindow, entry: Sent): number {
		if (entry.answeredAt === undefined) return Infinity;
		const trusted = (window.roundTrips ?? 0) >= ROUND_TRIPS_TRUSTED;
		const legs = trusted ? Math.min(window.fastestMs ?? 0, entry.answeredAt - entry.sentAt) : 0;
		return entry.answeredAt - legs + window.intervalMs + marginMs(window.intervalMs);
	}

	/** Milliseconds to wait before the next request for this location may be sent (0 = now). */
	delayBeforeNext(key: string, now = Date.now()): number {
		const window = this.window(key);
		// Forget requests GHL counts for no request of ours any more (`observe` still needs those of the
		// last interval or two), and requests never answered (a path that skipped `observe`).
		window.sent = window.sent.filter((entry) =>
			entry.answeredAt === undefined ? entry.sentAt > now - LONGEST_FLIGHT_MS : entry.answeredAt > now - 2 * window.intervalMs,
		);
		// Until GHL has answered once, its limit for this location is a guess: one request at a time.
		if (!window.answered && window.sent.some((entry) => entry.answeredAt === undefined)) return FIRST_ANSWER_POLL_MS;
		const leaves = window.sent
			.map((entry) => this.leavesAt(window, entry))
			.filter((at) => at > now)
			.sort((a, b) => a - b);
		const othersFresh = window.othersAt !== undefined && now - window.othersAt < window.intervalMs;
		const budget = window.max - RESERVE - (othersFresh ? (window.others ?? 0) : 0);
		// Other processes hold the whole budget: we cannot see when it frees up, so look again soon.
		if (budget <= 0) return Math.ceil(window.intervalMs / window.max) * 2;
		if (leaves.length >= budget) {
			const free = leaves[leaves.length - budget];
			// All of the window is in flight: look again soon (an answer frees a slot about one interval later).
			return Number.isFinite(free) ? Math.max(1, free - now) : Math.max(1, Math.ceil(window.intervalMs / window.max));
		}
		return 0;
	}

	/** Waits for a free slot, then books it; hand what it returns to `observe` with the answer. */
	async acquire(key: string): Promise<Sent> {
		for (let delay = this.delayBeforeNext(key); delay > 0; delay = this.delayBeforeNext(key)) {
			await sleep(delay);
		}
		return this.book(key);
	}

	/** Books a slot sent at `now` (what `acquire` does once `delayBeforeNext` says 0). */
	book(key: string, now = Date.now()): Sent {
		const booked: Sent = { sentAt: now };
		this.window(key).sent.push(booked);
		return booked;
	}

	/**
	 * Called once per answer (or failure) of a request `acquire` booked: marks it answered now,
	 * learns its round trip, the server's limits and the remaining budget from the headers.
	 */
	observe(key: string, headers: IDataObject | undefined, booked?: Sent, now = Date.now()): RateLimitHeaders {
		const limits = readRateLimitHeaders(headers);
		const window = this.window(key);
		window.answered = true;
		const answered = booked ?? window.sent.find((entry) => entry.answeredAt === undefined);
		if (answered && answered.answeredAt === undefined) {
			answered.answeredAt = now;
			const roundTrip = now - answered.sentAt;
			window.fastestMs = Math.min(window.fastestMs ?? roundTrip, roundTrip);
			window.roundTrips = (window.roundTrips ?? 0) + 1;
		}
		if (limits.max && limits.max > RESERVE) window.max = limits.max;
		if (limits.intervalMs) window.intervalMs = limits.intervalMs;
		if (limits.remaining !== undefined) {
			// What GHL counts besides ours: its count (max − remaining) less every request of ours it
			// can have counted when this one arrived, after it was sent (answered less than one interval
			// before that send, or in flight). Never more than the truth, so our own requests never pass
			// for someone else's.
			const countedFrom = (answered?.sentAt ?? now) - window.intervalMs;
			const ours = window.sent.filter((entry) => entry.answeredAt === undefined || entry.answeredAt > countedFrom).length;
			window.others = Math.max(0, window.max - limits.remaining - ours);
			window.othersAt = now;
		}
		if (limits.dailyRemaining !== undefined) window.dailyRemaining = limits.dailyRemaining;
		return limits;
	}

	/** Whether GHL's daily budget is spent: said by this 429's headers, or by the last response seen. */
	dailyLimitSpent(key: string, limits: RateLimitHeaders): boolean {
		return (limits.dailyRemaining ?? this.window(key).dailyRemaining) === 0;
	}

	/** How long to wait after a 429 before trying again: Retry-After if given, else the burst interval. */
	delayAfter429(key: string, limits: RateLimitHeaders): number {
		if (limits.retryAfterMs !== undefined && limits.retryAfterMs > 0) return limits.retryAfterMs;
		const intervalMs = limits.intervalMs ?? this.window(key).intervalMs;
		return intervalMs + marginMs(intervalMs);
	}

	forget(key?: string): void {
		if (key === undefined) this.windows.clear();
		else this.windows.delete(key);
	}
}

/** One limiter per process: every node of this package shares the location budgets. */
export const rateLimiter = new RateLimiter();
