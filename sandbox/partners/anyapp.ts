/**
 * "Any app" simulator under `/anyapp`: the other system of the seed's generic "APPNAME" templates
 * (a CRM, a sheet behind an API, a warehouse loader). It is not a real product, so its contract is
 * the smallest one such a system offers and the templates assume:
 *
 *   POST /anyapp/api/records   {records: [{externalId, ...fields}]}  → upsert by externalId
 *   GET  /anyapp/api/records                                         → {records: [...]}
 *
 * Auth: header `x-api-key`. Every accepted write is logged per externalId (`writes`), so a test can
 * tell "written once" from "written twice with the same content". `goDownAfter(n)` answers 503 to
 * every write after the next n accepted batches (an app that goes down half way through a sync).
 * `sendRecords(url, records)` posts a batch to n8n the way the app's own webhook would.
 */
import { clone, isObject, json, postWebhook, type PartnerContext, type PartnerReply, type PartnerSimulator, type WebhookResult } from './common';

export const ANYAPP_DEMO = {
	apiHeaderName: 'x-api-key',
	apiKey: 'anyapp-demo-api-key',
	webhookHeaderName: 'x-webhook-key',
	webhookKey: 'anyapp-demo-webhook-key',
} as const;

export interface AnyAppRecord {
	externalId: string;
	[field: string]: unknown;
}

/** Most records one batch may carry (the app refuses bigger batches with 413). */
export const ANYAPP_MAX_BATCH = 500;

export class AnyAppSimulator implements PartnerSimulator {
	readonly name = 'anyapp' as const;
	readonly demo = ANYAPP_DEMO;

	private store = new Map<string, AnyAppRecord>();
	private writeLog: string[] = [];
	private batchesLeft: number | undefined;

	constructor(private readonly baseUrl: () => string) {}

	get url(): string {
		return `${this.baseUrl()}/anyapp/api`;
	}

	reset(): void {
		this.store.clear();
		this.writeLog = [];
		this.batchesLeft = undefined;
	}

	records(): AnyAppRecord[] {
		return clone([...this.store.values()]);
	}

	/** How many times each externalId was written (accepted writes only). */
	writes(): Map<string, number> {
		const counts = new Map<string, number>();
		for (const id of this.writeLog) counts.set(id, (counts.get(id) ?? 0) + 1);
		return counts;
	}

	/** After `batches` more accepted batches, every write is answered 503 until `recover()`. */
	goDownAfter(batches: number): void {
		this.batchesLeft = batches;
	}

	recover(): void {
		this.batchesLeft = undefined;
	}

	async sendRecords(url: string, records: Record<string, unknown>[], headers: Record<string, string> = { [ANYAPP_DEMO.webhookHeaderName]: ANYAPP_DEMO.webhookKey }): Promise<WebhookResult> {
		return await postWebhook(url, JSON.stringify({ records }), { 'content-type': 'application/json', ...headers });
	}

	handle(ctx: PartnerContext): PartnerReply {
		if (ctx.headers[ANYAPP_DEMO.apiHeaderName] !== ANYAPP_DEMO.apiKey) return json(401, { error: 'invalid x-api-key' }, false);
		const route = ctx.route.replace(/\/+$/, '');
		if (route !== '/api/records') return json(404, { error: `No route ${ctx.method} ${ctx.route}` });
		if (ctx.method === 'GET') return json(200, { records: this.records() });
		if (ctx.method !== 'POST') return json(405, { error: `${ctx.method} not allowed` });
		const records = isObject(ctx.body) ? ctx.body.records : undefined;
		if (!Array.isArray(records)) return json(422, { error: 'body must be {"records": [...]}' });
		if (records.length > ANYAPP_MAX_BATCH) return json(413, { error: `at most ${ANYAPP_MAX_BATCH} records per batch` });
		const bad = records.findIndex((r) => !isObject(r) || typeof r.externalId !== 'string' || !r.externalId);
		if (bad >= 0) return json(422, { error: `records[${bad}]: externalId (string) is required` });
		if (this.batchesLeft !== undefined) {
			if (this.batchesLeft <= 0) return json(503, { error: 'Service Unavailable' });
			this.batchesLeft--;
		}
		let created = 0;
		for (const record of records as AnyAppRecord[]) {
			if (!this.store.has(record.externalId)) created++;
			this.store.set(record.externalId, { ...(this.store.get(record.externalId) ?? {}), ...clone(record) });
			this.writeLog.push(record.externalId);
		}
		return json(200, { upserted: records.length, created, updated: records.length - created });
	}
}
