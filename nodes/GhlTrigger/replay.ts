import type { IDataObject } from 'n8n-workflow';

/**
 * Replay protection for GHL deliveries: a freshness window on the signed `timestamp`, and a memory
 * of the `webhookId`s accepted inside it.
 *
 * How long an id is kept: a delivery stamped `t` is accepted while |now − t| ≤ window, so once
 * now > t + window the freshness check refuses its replays by itself. The id is kept exactly that
 * long (deliveries without a timestamp, possible only without GHL's signature, count from their
 * arrival). Ids are recorded only for deliveries that passed authentication, freshness and the
 * event/location/app filters, so neither strangers nor other locations' traffic can fill it.
 *
 * How large it may grow: an id alive now arrived at most 2 × window ago (stamped up to one window
 * ahead, kept until one window after its stamp). At DESIGN_RATE_PER_SECOND accepted deliveries a
 * second that is rate × 2 × window ids. The memory never drops a live id to make room: when it is
 * full the delivery is answered 429, which GHL retries later, instead of being let through unrecorded.
 *
 * Where it lives, and what that guarantees:
 * - In the node's workflow static data (`getWorkflowStaticData('node')`), which n8n saves after the
 *   webhook answered, so a restart or another process loading the workflow still knows the ids.
 *   n8n persists static data only for active (production) workflows; in a manual "listen for test
 *   event" run only the in-process memory below catches a repeat.
 * - Static data is read-modify-write without a lock: two deliveries with the same id arriving at the
 *   same instant on different processes (queue mode with several webhook processes) can both pass.
 *   Within one process the in-process memory closes that race.
 */

const STATIC_KEY = 'recentWebhookIds';

/** Accepted deliveries per second the memory is sized for. */
export const DESIGN_RATE_PER_SECOND = 100;

export const DEFAULT_WINDOW_MINUTES = 5;
export const MIN_WINDOW_MINUTES = 1;
/** Caps the memory (100/s × 2 × 15 min = 180,000 ids) and how long a captured delivery stays usable. */
export const MAX_WINDOW_MINUTES = 15;

/** Ids the memory holds for a window: what DESIGN_RATE_PER_SECOND fills in two windows. */
export function capacityFor(windowMs: number): number {
	return Math.ceil((DESIGN_RATE_PER_SECOND * 2 * windowMs) / 1000);
}

const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * Epoch ms of a delivery timestamp: ISO 8601 with a zone (GHL's form), or epoch seconds/ms as a
 * number or digits. Undefined when absent, NaN when present but unreadable (a local time without a
 * zone is unreadable: it means a different instant on every server).
 */
export function timestampOf(value: unknown): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	if (typeof value === 'number') {
		if (!Number.isSafeInteger(value) || value <= 0) return NaN;
		return value < 1e12 ? value * 1000 : value;
	}
	if (typeof value === 'string') {
		if (/^\d{1,16}$/.test(value)) return timestampOf(Number(value));
		return ISO_WITH_ZONE.test(value) ? Date.parse(value) : NaN;
	}
	return NaN;
}

/** Whether a delivery stamped at `timestamp` is within `windowMs` of now (either side, for clock skew). */
export function isFresh(timestamp: number, windowMs: number, now: number): boolean {
	return Number.isFinite(timestamp) && Math.abs(now - timestamp) <= windowMs;
}

/** Same-process memory: closes the race between concurrent requests that static data cannot. */
const processMemory = new Map<string, Map<string, number>>();
const MAX_PROCESS_SCOPES = 200;

function dropExpired(entries: Map<string, number>, horizon: number): void {
	for (const [id, at] of entries) if (at < horizon) entries.delete(id);
}

export type Recall = 'first' | 'repeat' | 'full';

export interface ReplayMemory {
	/** 'repeat' if the id is known; 'full' if it cannot be recorded; otherwise records it: 'first'. */
	remember(webhookId: string, stampedAt: number | undefined): Recall;
}

/**
 * @param scope    workflow id + node id, so two trigger nodes never share ids
 * @param windowMs the freshness window; an id is kept until its stamp is older than this
 */
export function replayMemory(staticData: IDataObject, scope: string, windowMs: number, now: number): ReplayMemory {
	const horizon = now - windowMs;
	const capacity = capacityFor(windowMs);
	const stored = staticData[STATIC_KEY];
	const persistent = new Map<string, number>();
	if (stored && typeof stored === 'object' && !Array.isArray(stored)) {
		for (const [id, at] of Object.entries(stored)) if (typeof at === 'number' && at >= horizon) persistent.set(id, at);
	}
	let local = processMemory.get(scope);
	if (!local) {
		if (processMemory.size >= MAX_PROCESS_SCOPES) processMemory.clear();
		local = new Map();
		processMemory.set(scope, local);
	}
	dropExpired(local, horizon);
	const memory = local;
	return {
		remember(webhookId, stampedAt) {
			if (persistent.has(webhookId) || memory.has(webhookId)) return 'repeat';
			if (Math.max(persistent.size, memory.size) >= capacity) return 'full';
			const at = stampedAt !== undefined && Number.isFinite(stampedAt) ? stampedAt : now;
			persistent.set(webhookId, at);
			memory.set(webhookId, at);
			staticData[STATIC_KEY] = Object.fromEntries(persistent);
			return 'first';
		},
	};
}
