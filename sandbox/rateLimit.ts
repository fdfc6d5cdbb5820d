/**
 * GHL rate limits: per app (or PIT) per location, 100 requests / 10 s burst (sliding
 * window here) and 200,000 / day, with the X-RateLimit-* headers of research §5.
 */
import type { RateLimitOptions } from './types';

interface Bucket {
	hits: number[];
	day: string;
	dayCount: number;
}

export interface RateLimitDecision {
	allowed: boolean;
	headers: Record<string, string>;
}

export class RateLimiter {
	private buckets = new Map<string, Bucket>();
	/** Number of 429s answered (window/daily refusals and `rate-limit-burst` faults). */
	rejected = 0;

	constructor(public options: RateLimitOptions) {}

	reset(): void {
		this.buckets.clear();
		this.rejected = 0;
	}

	private bucket(key: string, now: number): Bucket {
		const day = new Date(now).toISOString().slice(0, 10);
		let b = this.buckets.get(key);
		if (!b) {
			b = { hits: [], day, dayCount: 0 };
			this.buckets.set(key, b);
		}
		if (b.day !== day) {
			b.day = day;
			b.dayCount = 0;
		}
		const from = now - this.options.intervalMs;
		while (b.hits.length && b.hits[0] <= from) b.hits.shift();
		return b;
	}

	private headers(b: Bucket | undefined): Record<string, string> {
		const { max, intervalMs, daily } = this.options;
		return {
			'X-RateLimit-Limit-Daily': String(daily),
			'X-RateLimit-Daily-Remaining': String(Math.max(0, daily - (b?.dayCount ?? 0))),
			'X-RateLimit-Interval-Milliseconds': String(intervalMs),
			'X-RateLimit-Max': String(max),
			'X-RateLimit-Remaining': String(Math.max(0, max - (b?.hits.length ?? 0))),
		};
	}

	/** Count one request; refused requests are not counted. */
	consume(key: string, now = Date.now()): RateLimitDecision {
		const b = this.bucket(key, now);
		if (b.hits.length >= this.options.max || b.dayCount >= this.options.daily) {
			this.rejected++;
			return { allowed: false, headers: { ...this.headers(b), 'X-RateLimit-Remaining': '0' } };
		}
		b.hits.push(now);
		b.dayCount++;
		return { allowed: true, headers: this.headers(b) };
	}

	/** Headers without counting (anonymous requests, or a bucket's current state). */
	peek(key: string | undefined, now = Date.now()): Record<string, string> {
		return this.headers(key ? this.bucket(key, now) : undefined);
	}

	/** Headers of a 429 forced by a `rate-limit-burst` fault. */
	forcedRefusal(key: string | undefined, now = Date.now()): Record<string, string> {
		this.rejected++;
		return { ...this.peek(key, now), 'X-RateLimit-Remaining': '0' };
	}
}
