/**
 * Injected faults: answer a status, add latency, drop the connection, or answer a
 * real-shaped 429, all before anything else, so they never change state; or carry the request
 * out and then fail it (`status-after`, `reset-after`: a write lost in transit), or ignore its
 * page cursor (`stuck-cursor`).
 */
import type { Fault, FaultMatch } from './types';

interface ActiveFault {
	fault: Fault;
	remaining: number;
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

function matches(match: FaultMatch | undefined, method: string, path: string): boolean {
	if (!match) return true;
	if (match.method && match.method.toUpperCase() !== method) return false;
	if (match.path !== undefined && match.path !== '' && !pathMatches(match.path, path)) return false;
	return true;
}

export function isFault(value: unknown): value is Fault {
	if (!value || typeof value !== 'object') return false;
	const f = value as Record<string, unknown>;
	switch (f.kind) {
		case 'status':
		case 'status-after':
			return typeof f.status === 'number';
		case 'latency':
			return typeof f.ms === 'number';
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
		this.active.push({ fault, remaining: fault.count ?? 1 });
	}

	clear(): void {
		this.active = [];
	}

	list(): (Fault & { remaining: number })[] {
		return this.active.map((a) => ({ ...a.fault, remaining: a.remaining }));
	}

	/** The first fault matching this request (its count is consumed), if any. */
	take(method: string, path: string): Fault | undefined {
		const index = this.active.findIndex((a) => a.remaining > 0 && matches(a.fault.match, method, path));
		if (index < 0) return undefined;
		const entry = this.active[index];
		entry.remaining--;
		if (entry.remaining <= 0) this.active.splice(index, 1);
		this.applied++;
		return entry.fault;
	}
}
