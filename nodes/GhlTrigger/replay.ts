import type { IDataObject } from 'n8n-workflow';

/**
 * Replay protection for GHL deliveries: a freshness window on the signed `timestamp`, and a memory
 * of recent `webhookId`s.
 *
 * What the webhookId memory guarantees, and what it does not:
 * - It lives in the node's workflow static data (`getWorkflowStaticData('node')`). n8n persists
 *   static data only for active (production) workflows; in a manual "listen for test event" run it
 *   is thrown away, so there a repeated delivery is only caught by the in-process memory below.
 * - n8n loads the workflow (and its static data) per request and writes the static data back after
 *   the webhook answered. Two deliveries with the same webhookId arriving at the same time on
 *   different processes (queue mode with several webhook processes, or several main instances) can
 *   both pass: the check is a read-modify-write without a lock. Within one process the in-process
 *   memory closes that race. GHL only retries (10 minutes apart) after a 429, which this node never
 *   answers, so real duplicates are rare; the freshness window bounds how late a replay can come.
 * - Only ids of deliveries that passed authentication are remembered, so unsigned requests cannot
 *   fill the memory; the list is bounded (oldest dropped first), and ids whose timestamp is already
 *   outside the freshness window are dropped because the window refuses them anyway.
 */

const STATIC_KEY = 'recentWebhookIds';
export const MAX_REMEMBERED_IDS = 1000;
/** Kept when the delivery has no usable timestamp or the freshness check is off. */
const DEFAULT_KEEP_MS = 24 * 60 * 60 * 1000;

/** Epoch ms of a delivery timestamp (ISO string, or epoch seconds/ms); undefined if absent, NaN if unreadable. */
export function timestampOf(value: unknown): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	if (typeof value === 'number') return value < 1e12 ? value * 1000 : value;
	if (typeof value === 'string') {
		if (/^\d+$/.test(value)) return timestampOf(Number(value));
		return Date.parse(value);
	}
	return NaN;
}

/** Whether a delivery stamped at `timestamp` is within `maxAgeMs` of now (either side, for clock skew). */
export function isFresh(timestamp: number, maxAgeMs: number, now: number): boolean {
	return Number.isFinite(timestamp) && Math.abs(now - timestamp) <= maxAgeMs;
}

/** Same-process memory: closes the race between concurrent requests that static data cannot. */
const processMemory = new Map<string, Map<string, number>>();
const MAX_PROCESS_SCOPES = 200;

function prune(entries: Map<string, number>, horizon: number): void {
	for (const [id, at] of entries) if (at < horizon) entries.delete(id);
	while (entries.size > MAX_REMEMBERED_IDS) {
		const oldest = entries.keys().next().value as string;
		entries.delete(oldest);
	}
}

export interface ReplayMemory {
	/** True if this id was seen before; otherwise remembers it and returns false. */
	seenBefore(webhookId: string, stampedAt: number | undefined): boolean;
}

/**
 * @param scope  workflow id + node id, so two trigger nodes never share ids
 * @param maxAgeMs freshness window (0 = off); ids older than it are forgotten
 */
export function replayMemory(staticData: IDataObject, scope: string, maxAgeMs: number, now: number): ReplayMemory {
	const keepMs = maxAgeMs > 0 ? maxAgeMs : DEFAULT_KEEP_MS;
	const horizon = now - keepMs;
	const stored = (staticData[STATIC_KEY] ?? {}) as Record<string, number>;
	const persistent = new Map<string, number>(Object.entries(stored).filter(([, at]) => typeof at === 'number'));
	let local = processMemory.get(scope);
	if (!local) {
		if (processMemory.size >= MAX_PROCESS_SCOPES) processMemory.clear();
		local = new Map();
		processMemory.set(scope, local);
	}
	const memory = local;
	return {
		seenBefore(webhookId, stampedAt) {
			if (persistent.has(webhookId) || memory.has(webhookId)) return true;
			// Remembered by the delivery's own timestamp when the window is on: a replay of it is refused
			// by the window from the moment this entry expires.
			const at = maxAgeMs > 0 && stampedAt !== undefined && Number.isFinite(stampedAt) ? stampedAt : now;
			persistent.set(webhookId, at);
			memory.set(webhookId, at);
			prune(persistent, horizon);
			prune(memory, horizon);
			staticData[STATIC_KEY] = Object.fromEntries(persistent);
			return false;
		},
	};
}
