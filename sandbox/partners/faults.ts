/**
 * Faults the partner simulators can be told to produce, so templates can be tested against what
 * real partners do on a bad day: 5xx answers, timeouts (the request is held, then the connection
 * dropped), slow answers, and 429s with the partner's documented limit message (LeadSquared:
 * "API calls exceeded the limit of N in 5 second(s)"; the others document no limits, so theirs
 * are plain 429s). `limit()` enforces a call rate like LeadSquared's per-plan limits.
 */
import type { PartnerName, PartnerReply } from './common';

export interface PartnerFault {
	partner?: PartnerName;
	method?: string;
	/** Substring of the route (the path after /<partner>), or a RegExp. */
	route?: string | RegExp;
	kind: 'status' | 'timeout' | 'slow' | 'rateLimit';
	/** For `status` (default 503). */
	status?: number;
	body?: unknown;
	/** `timeout`: how long the request is held before the connection drops (default 30 s); `slow`: the delay. */
	delayMs?: number;
	/** Matching requests hit (default 1). */
	count?: number;
}

/** What the server does with a request: answer `reply`, drop the connection, or go on. */
export type FaultOutcome = { reply: PartnerReply } | { drop: true } | undefined;

interface RateLimit {
	partner: PartnerName;
	calls: number;
	perMs: number;
	at: number[];
}

/** LeadSquared's own 429 body (rate-limits page; Lead.Update and CreateNote docs quote the message). */
function tooMany(partner: PartnerName, calls: number, perMs: number): PartnerReply {
	if (partner === 'leadsquared') {
		return { status: 429, body: { Status: 'Error', ExceptionType: 'MXAPIRateLimitExceededException', ExceptionMessage: `API calls exceeded the limit of ${calls} in ${Math.round(perMs / 1000)} second(s)` } };
	}
	return { status: 429, body: { message: 'Too Many Requests' } };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class PartnerFaults {
	private faults: Array<PartnerFault & { remaining: number }> = [];
	private limits: RateLimit[] = [];

	add(fault: PartnerFault): void {
		this.faults.push({ ...fault, remaining: fault.count ?? 1 });
	}

	/** At most `calls` requests per `perMs` to `partner`; more are answered 429 (e.g. LeadSquared Pro: 10 per 5 s). */
	limit(partner: PartnerName, calls: number, perMs: number): void {
		this.limits = this.limits.filter((l) => l.partner !== partner);
		this.limits.push({ partner, calls, perMs, at: [] });
	}

	clear(): void {
		this.faults = [];
		this.limits = [];
	}

	/** Hits at most one fault per request (the first that matches); a rate limit counts every request. */
	async apply(partner: PartnerName, method: string, route: string, now = Date.now()): Promise<FaultOutcome> {
		const limit = this.limits.find((l) => l.partner === partner);
		if (limit) {
			limit.at = limit.at.filter((t) => now - t < limit.perMs);
			if (limit.at.length >= limit.calls) return { reply: tooMany(partner, limit.calls, limit.perMs) };
			limit.at.push(now);
		}
		const fault = this.faults.find(
			(f) =>
				f.remaining > 0 &&
				(!f.partner || f.partner === partner) &&
				(!f.method || f.method.toUpperCase() === method) &&
				(!f.route || (typeof f.route === 'string' ? route.includes(f.route) : f.route.test(route))),
		);
		if (!fault) return undefined;
		fault.remaining--;
		switch (fault.kind) {
			case 'status':
				return { reply: { status: fault.status ?? 503, body: fault.body ?? { message: 'Service Unavailable' } } };
			case 'rateLimit':
				return { reply: tooMany(partner, 25, 5000) };
			case 'timeout':
				await sleep(fault.delayMs ?? 30_000);
				return { drop: true };
			case 'slow':
				await sleep(fault.delayMs ?? 2000);
				return undefined;
		}
	}
}
