/**
 * The pacer's decisions (nodes/shared/transport/rateLimiter.ts) on a virtual clock: when a slot frees
 * up after answers of known round trips, and a whole run of workers driven by it against a model of
 * GHL's sliding window that counts each request when it arrives. No timers: the figures are exact,
 * not timed, so they hold on a busy machine.
 */
import { RateLimiter } from '../../nodes/shared/transport/rateLimiter';
import type { Sent } from '../../nodes/shared/transport/rateLimiter';

const KEY = 'https://ghl.example|loc';
const MAX = 100;
const INTERVAL = 10_000;
/** What the pacer leaves on top of one interval: 1 % of it. */
const MARGIN = 100;

function headers(remaining: number) {
	return { 'x-ratelimit-max': String(MAX), 'x-ratelimit-interval-milliseconds': String(INTERVAL), 'x-ratelimit-remaining': String(remaining) };
}

describe('when a slot frees up', () => {
	test('a full window frees one interval after the first send, not after its answer: the latency is not paid twice', () => {
		const limiter = new RateLimiter();
		// 99 requests (the budget: 100 less one kept in hand), sent 10 ms apart, each answered 500 ms later.
		for (let index = 0; index < 99; index++) {
			const booked = limiter.book(KEY, index * 10);
			limiter.observe(KEY, headers(MAX - index - 1), booked, index * 10 + 500);
		}
		const now = 99 * 10 + 500;
		// GHL counted the first request at the latest 500 ms after it was sent (its answer) and the next
		// one is counted at the earliest… the fastest round trip says the two legs take 500 ms together.
		expect(limiter.delayBeforeNext(KEY, now)).toBe(0 + INTERVAL + MARGIN - now);
	});

	test('a slower answer than the fastest keeps its slot by the difference (jitter)', () => {
		const limiter = new RateLimiter();
		const slow = limiter.book(KEY, 0);
		limiter.observe(KEY, headers(99), slow, 800);
		// 98 more, sent later, each answered in 500 ms: they leave after the slow one would have.
		for (let index = 1; index < 99; index++) {
			const booked = limiter.book(KEY, 400 + index);
			limiter.observe(KEY, headers(MAX - index - 1), booked, 900 + index);
		}
		const now = 2000;
		// Leaves at its answer (800) less the fastest round trip (500), plus one interval and the margin.
		expect(limiter.delayBeforeNext(KEY, now)).toBe(800 - 500 + INTERVAL + MARGIN - now);
	});

	test('a request in flight holds its slot until it is answered', () => {
		const limiter = new RateLimiter();
		const first = limiter.book(KEY, 0);
		limiter.observe(KEY, headers(99), first, 100);
		const inFlight: Sent[] = [];
		for (let index = 1; index < 99; index++) inFlight.push(limiter.book(KEY, 100 + index));
		// Long after an interval the first request is gone, and one slot is free.
		expect(limiter.delayBeforeNext(KEY, 20_000)).toBe(0);
		limiter.book(KEY, 20_000);
		// Now 99 are in flight: no slot frees until one is answered.
		expect(limiter.delayBeforeNext(KEY, 20_001)).toBe(INTERVAL / MAX);
		limiter.observe(KEY, headers(1), inFlight[0], 20_100);
		// Two answers are too few to trust their fastest round trip: the slot is held one interval after the answer.
		expect(limiter.delayBeforeNext(KEY, 20_100)).toBe(INTERVAL + MARGIN);
	});

	test('the fastest of a few answers is not trusted: a slow first answer does not let the next request go early', () => {
		// The failure this prevents: the first answer took 145 ms (all of it on the way there), so the
		// fastest round trip says 145 ms; the next request may arrive in 1 ms.
		const fresh = new RateLimiter();
		const only = fresh.book(KEY, 0);
		fresh.observe(KEY, { ...headers(1), 'x-ratelimit-max': '2' }, only, 145);
		// One answer: held until one interval after its answer, not after its send.
		expect(fresh.delayBeforeNext(KEY, 200)).toBe(145 + INTERVAL + MARGIN - 200);
	});
});

interface Simulation {
	/** Requests GHL refused (429). */
	refused: number;
	/** The most requests GHL counted in one interval. */
	busiest: number;
	/** Requests counted per interval over the run, as a share of the limit. */
	shareOfCeiling: number;
}

/**
 * `requests` requests from `workers` workers (the node's Concurrency), each sending, waiting for its
 * answer, and sending the next when the pacer allows; GHL counts a request `inboundMs` after it is sent
 * and answers `outboundMs` after that, with the X-RateLimit headers of its sliding window.
 */
function simulate(options: { requests: number; workers: number; inboundMs: (index: number) => number; outboundMs: (index: number) => number }): Simulation {
	const limiter = new RateLimiter();
	type Event = { at: number; order: number; run: () => void };
	const events: Event[] = [];
	let order = 0;
	const schedule = (at: number, run: () => void) => {
		events.push({ at, order: order++, run });
		events.sort((a, b) => a.at - b.at || a.order - b.order);
	};
	const counted: number[] = [];
	let refused = 0;
	let sent = 0;
	const worker = (now: number) => {
		if (sent >= options.requests) return;
		const delay = limiter.delayBeforeNext(KEY, now);
		if (delay > 0) {
			schedule(now + delay, () => worker(now + delay));
			return;
		}
		const index = sent++;
		const booked = limiter.book(KEY, now);
		const arrives = now + options.inboundMs(index);
		schedule(arrives, () => {
			const inWindow = counted.filter((at) => at > arrives - INTERVAL).length;
			let remaining: number;
			if (inWindow >= MAX) {
				refused++;
				remaining = 0;
			} else {
				counted.push(arrives);
				remaining = MAX - inWindow - 1;
			}
			const answered = arrives + options.outboundMs(index);
			schedule(answered, () => {
				limiter.observe(KEY, headers(remaining), booked, answered);
				worker(answered);
			});
		});
	};
	for (let index = 0; index < options.workers; index++) schedule(0, () => worker(0));
	while (events.length) events.shift()!.run();
	const busiest = Math.max(...counted.map((start) => counted.filter((at) => at >= start && at < start + INTERVAL).length));
	// Steady state: from the first request counted after the opening burst's window to the last.
	const steady = counted.filter((at) => at >= counted[0] + INTERVAL);
	const spanMs = steady[steady.length - 1] - steady[0];
	return { refused, busiest, shareOfCeiling: ((steady.length - 1) / spanMs) * (INTERVAL / MAX) };
}

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32). */
function random(seed: number): () => number {
	let state = seed;
	return () => {
		state = (state + 0x6d2b79f5) | 0;
		let t = Math.imul(state ^ (state >>> 15), 1 | state);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

describe('a run of 1,500 requests, 8 in flight, GHL counting each on arrival (100 per 10 s)', () => {
	const cases: Array<[string, (index: number) => number, (index: number) => number]> = [
		['0 ms latency', () => 1, () => 1],
		['200 ms, all of it on the way there', () => 199, () => 1],
		['500 ms, all of it on the way there', () => 499, () => 1],
		['500 ms, all of it on the way back', () => 1, () => 499],
		['500 ms, half each way', () => 250, () => 250],
	];
	test.each(cases)('%s: no 429, never more than 100 counted in 10 s, ≥ 97 % of the ceiling', (_, inboundMs, outboundMs) => {
		const result = simulate({ requests: 1500, workers: 8, inboundMs, outboundMs });
		expect(result.refused).toBe(0);
		expect(result.busiest).toBeLessThanOrEqual(MAX);
		// One interval per slot plus 1 % margin and one request kept in hand: 99 / 101 of the ceiling.
		// (Counting a request until one interval after its answer would give 99 / 106 at 500 ms.)
		expect(result.shareOfCeiling).toBeGreaterThanOrEqual(0.97);
	});

	test('150–250 ms, each leg drawn on its own: no 429, ≥ 97 % of the ceiling', () => {
		const draw = random(13);
		const legs = Array.from({ length: 1500 }, () => [75 + Math.round(draw() * 50), 75 + Math.round(draw() * 50)]);
		const result = simulate({ requests: 1500, workers: 8, inboundMs: (index) => legs[index][0], outboundMs: (index) => legs[index][1] });
		expect(result.refused).toBe(0);
		expect(result.busiest).toBeLessThanOrEqual(MAX);
		expect(result.shareOfCeiling).toBeGreaterThanOrEqual(0.97);
	});
});
