/**
 * Injected faults: answer a status, add latency, drop the connection, or answer a
 * real-shaped 429, all before anything else, so they never change state; or carry the request
 * out and then fail it (`status-after`, `reset-after`: a write lost in transit), or ignore its
 * page cursor (`stuck-cursor`). A fault hits the next `count` matching requests, or, with
 * `probability`, each matching request by a seeded draw (so a run of the same requests repeats).
 */
import type { Fault, FaultMatch } from './types';

interface ActiveFault {
	fault: Fault;
	remaining: number;
	/** The fault's own seeded random source (probability, latency range). */
	random: () => number;
}

/** mulberry32: small, fast and good enough to spread faults; the same seed gives the same draws. */
export function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function pathMatches(pattern: string | RegExp, path: string): boolean {
	if (pattern instanceof RegExp) return pattern.test(path);
	if (path.includes(pattern)) return true;
	try {
		return new RegExp(pattern).test(path);
	} catch {
		return false;
	}
}

function matches(match: FaultMatch | undefined, method: string, path: string, body: string): boolean {
	if (!match) return true;
	if (match.method && match.method.toUpperCase() !== method) return false;
	if (match.path !== undefined && match.path !== '' && !pathMatches(match.path, path)) return false;
	if (match.body !== undefined && !body.includes(match.body)) return false;
	return true;
}

export function isFault(value: unknown): value is Fault {
	if (!value || typeof value !== 'object') return false;
	const f = value as Record<string, unknown>;
	if (f.probability !== undefined && !(typeof f.probability === 'number' && f.probability >= 0 && f.probability <= 1)) return false;
	if (f.seed !== undefined && typeof f.seed !== 'number') return false;
	switch (f.kind) {
		case 'status':
		case 'status-after':
			return typeof f.status === 'number';
		case 'latency':
			return typeof f.ms === 'number' && (f.maxMs === undefined || (typeof f.maxMs === 'number' && f.maxMs >= f.ms));
		case 'reset':
		case 'rate-limit-burst':
		case 'stuck-cursor':
		case 'reset-after':
			return true;
		default:
			return false;
	}
}

export class FaultInjector {
	private active: ActiveFault[] = [];
	applied = 0;

	add(fault: Fault): void {
		const probabilistic = fault.probability !== undefined;
		this.active.push({
			fault,
			remaining: fault.count ?? (probabilistic ? Infinity : 1),
			random: seededRandom(fault.seed ?? 1),
		});
	}

	clear(): void {
		this.active = [];
	}

	list(): (Fault & { remaining: number })[] {
		return this.active.map((a) => ({ ...a.fault, remaining: a.remaining }));
	}

	/**
	 * The first fault that hits this request (its count is consumed), if any. A latency fault with
	 * `maxMs` comes back with the time drawn for this request in `ms`.
	 */
	take(method: string, path: string, body = ''): Fault | undefined {
		const index = this.active.findIndex(
			(a) =>
				a.remaining > 0 &&
				matches(a.fault.match, method, path, body) &&
				(a.fault.probability === undefined || a.random() < a.fault.probability),
		);
		if (index < 0) return undefined;
		const entry = this.active[index];
		entry.remaining--;
		if (entry.remaining <= 0) this.active.splice(index, 1);
		this.applied++;
		const fault = entry.fault;
		if (fault.kind === 'latency' && fault.maxMs !== undefined) {
			return { ...fault, ms: fault.ms + Math.round(entry.random() * (fault.maxMs - fault.ms)) };
		}
		return fault;
	}
}
