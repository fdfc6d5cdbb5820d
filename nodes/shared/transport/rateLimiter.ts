import { sleep } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

/**
 * Client-side pacing for GHL's per-location limits (100 requests / 10 s burst, 200,000 / day).
 *
 * Each location keeps a log of the requests this process sent in the current interval, sized by the
 * X-RateLimit-Max / X-RateLimit-Interval-Milliseconds headers GHL returns, so a long run stays under
 * the burst limit without meeting a 429. GHL counts a request when it arrives, somewhere between our
 * send and its answer: so a request in flight counts as "now" until it is answered, and an answered
 * one leaves the window one interval after its answer. Several requests in flight at once (the
 * action node's Concurrency) therefore never push the location over its limit, whatever the latency.
 * X-RateLimit-Remaining covers traffic from other processes (queue-mode workers, other workflows):
 * what GHL counts beyond our own requests shrinks our budget for one interval, and a 429 that still
 * happens is waited out by the transport. Nothing here is needed for correctness across processes; it only avoids 429s.
 */

const DEFAULT_MAX = 100;
const DEFAULT_INTERVAL_MS = 10_000;
/** Requests kept in hand below the server's maximum, for clock skew between us and GHL. */
const RESERVE = 1;
/** Extra wait after a request leaves the window (timer slack: it is counted from its answer, which GHL never counts after). */
const MARGIN_MS = 10;
/** A request never answered (a path that skipped `observe`) stops counting as in flight after this. */
const LONGEST_FLIGHT_MS = 2 * 60_000;
/** How often requests waiting for a location's first answer look again. */
const FIRST_ANSWER_POLL_MS = 10;

interface Sent {
	/** When it was sent, then when it was answered. */
	at: number;
	answered: boolean;
}

interface LocationWindow {
	max: number;
	intervalMs: number;
	sent: Sent[];
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

	/** Milliseconds to wait before the next request for this location may be sent (0 = now). */
	delayBeforeNext(key: string, now = Date.now()): number {
		const window = this.window(key);
		const horizon = now - window.intervalMs - MARGIN_MS;
		// When each request GHL may still count leaves the window: in flight = not before its answer.
		window.sent = window.sent.filter((entry) => (entry.answered ? entry.at > horizon : entry.at > now - LONGEST_FLIGHT_MS));
		// Until GHL has answered once, its limit for this location is a guess: one request at a time.
		if (!window.answered && window.sent.some((entry) => !entry.answered)) return FIRST_ANSWER_POLL_MS;
		const othersFresh = window.othersAt !== undefined && now - window.othersAt < window.intervalMs;
		const budget = window.max - RESERVE - (othersFresh ? (window.others ?? 0) : 0);
		// Other processes hold the whole budget: we cannot see when it frees up, so look again soon.
		if (budget <= 0) return Math.ceil(window.intervalMs / window.max) * 2;
		if (window.sent.length >= budget) {
			const leaves = window.sent
				.map((entry) => (entry.answered ? entry.at + window.intervalMs + MARGIN_MS : Infinity))
				.sort((a, b) => a - b);
			const free = leaves[window.sent.length - budget];
			// All of the window is in flight: look again soon (an answer frees a slot one interval later).
			return Number.isFinite(free) ? Math.max(1, free - now) : Math.max(1, Math.ceil(window.intervalMs / window.max));
		}
		return 0;
	}

	/** Waits for a free slot, then books it. */
	async acquire(key: string): Promise<void> {
		for (let delay = this.delayBeforeNext(key); delay > 0; delay = this.delayBeforeNext(key)) {
			await sleep(delay);
		}
		this.window(key).sent.push({ at: Date.now(), answered: false });
	}

	/**
	 * Called once per answer (or failure) of a request `acquire` booked: learns the server's limits
	 * and remaining budget from its headers, and marks one request in flight as answered now. Which
	 * one does not matter: every answered request leaves the window one interval after its answer.
	 */
	observe(key: string, headers: IDataObject | undefined): RateLimitHeaders {
		const limits = readRateLimitHeaders(headers);
		const window = this.window(key);
		window.answered = true;
		const inFlight = window.sent.find((entry) => !entry.answered);
		if (inFlight) {
			inFlight.at = Date.now();
			inFlight.answered = true;
		}
		if (limits.max && limits.max > RESERVE) window.max = limits.max;
		if (limits.intervalMs) window.intervalMs = limits.intervalMs;
		if (limits.remaining !== undefined) {
			// What GHL counts besides ours: its count (max − remaining) less every request of ours it
			// can have counted (answered within the interval, or in flight). Never more than the truth,
			// so our own requests never pass for someone else's.
			const now = Date.now();
			const ours = window.sent.filter((entry) => !entry.answered || entry.at > now - window.intervalMs).length;
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
		return (limits.intervalMs ?? this.window(key).intervalMs) + MARGIN_MS;
	}

	forget(key?: string): void {
		if (key === undefined) this.windows.clear();
		else this.windows.delete(key);
	}
}

/** One limiter per process: every node of this package shares the location budgets. */
export const rateLimiter = new RateLimiter();
