/**
 * "Any app" simulator under `/anyapp`: the other system of the seed's generic "APPNAME" templates
 * (a CRM, a sheet behind an API, a warehouse loader). It is not a real product, so its contract is
 * the smallest one such a system offers and the templates assume:
 *
 *   POST /anyapp/api/records   {records: [{externalId, ...fields}]}  → upsert by externalId
 *   GET  /anyapp/api/records                                         → {records: [...]}
 *   PUT  /anyapp/api/records/{externalId}     {...fields}             → upsert one record
 *   PUT  /anyapp/api/records/{externalId}/notes/{key}  {body, ...}    → upsert a note of the record
 *   PUT  /anyapp/api/records/{externalId}/tasks/{key}  {title, ...}   → upsert a task of the record
 *   GET  /anyapp/api/records/{externalId}/notes | /tasks              → {notes|tasks: [...]}
 *
 * Notes and tasks are keyed by the caller (e.g. the GHL note id), so a replayed PUT overwrites
 * instead of adding; a PUT under a record the app does not hold is 404.
 *
 * Every change to a record, its notes or its tasks queues the app's "record updated" webhook event
 * (`updateEvents()`: `{event: 'record.updated', record}`, the record as it is now, without its notes
 * and tasks), as the app would send it; `sendUpdate(url, event)` posts one to n8n.
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

/** A note or task of a record, under the key its writer chose. */
export interface AnyAppItem {
	key: string;
	externalId: string;
	[field: string]: unknown;
}

/** What the app posts to its webhook when a record (or one of its notes or tasks) changed. */
export interface AnyAppUpdateEvent {
	event: 'record.updated';
	record: AnyAppRecord;
}

type ItemKind = 'notes' | 'tasks';

/** Most records one batch may carry (the app refuses bigger batches with 413). */
export const ANYAPP_MAX_BATCH = 500;

export class AnyAppSimulator implements PartnerSimulator {
	readonly name = 'anyapp' as const;
	readonly demo = ANYAPP_DEMO;

	private store = new Map<string, AnyAppRecord>();
	private items: Record<ItemKind, Map<string, AnyAppItem>> = { notes: new Map(), tasks: new Map() };
	private writeLog: string[] = [];
	private itemWriteLog: string[] = [];
	private outbox: AnyAppUpdateEvent[] = [];
	private batchesLeft: number | undefined;

	constructor(private readonly baseUrl: () => string) {}

	get url(): string {
		return `${this.baseUrl()}/anyapp/api`;
	}

	reset(): void {
		this.store.clear();
		this.items.notes.clear();
		this.items.tasks.clear();
		this.writeLog = [];
		this.itemWriteLog = [];
		this.outbox = [];
		this.batchesLeft = undefined;
	}

	/** The notes (or tasks) of one record, or of every record. */
	notes(externalId?: string): AnyAppItem[] {
		return this.itemsOf('notes', externalId);
	}

	tasks(externalId?: string): AnyAppItem[] {
		return this.itemsOf('tasks', externalId);
	}

	/** How many times each note/task was written, by `<externalId>/<notes|tasks>/<key>` (accepted writes only). */
	itemWrites(): Map<string, number> {
		const counts = new Map<string, number>();
		for (const id of this.itemWriteLog) counts.set(id, (counts.get(id) ?? 0) + 1);
		return counts;
	}

	/** The "record updated" events queued since the last call (or reset), oldest first; the queue is emptied. */
	updateEvents(): AnyAppUpdateEvent[] {
		const events = this.outbox;
		this.outbox = [];
		return clone(events);
	}

	/** A user's edit in the app's own screens: the record changes and its update event is queued. */
	editRecord(externalId: string, fields: Record<string, unknown>): AnyAppRecord {
		this.store.set(externalId, { ...(this.store.get(externalId) ?? {}), ...clone(fields), externalId });
		this.queueUpdate(externalId);
		return clone(this.store.get(externalId)!);
	}

	async sendUpdate(url: string, event: AnyAppUpdateEvent, headers: Record<string, string> = { [ANYAPP_DEMO.webhookHeaderName]: ANYAPP_DEMO.webhookKey }): Promise<WebhookResult> {
		return await postWebhook(url, JSON.stringify(event), { 'content-type': 'application/json', ...headers });
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

	/** After `batches` more accepted batches (or single PUTs), every write is answered 503 until `recover()`. */
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
		const one = /^\/api\/records\/([^/]+)(?:\/(notes|tasks)(?:\/([^/]+))?)?$/.exec(route);
		if (one) return this.handleOne(ctx, decodeURIComponent(one[1]), one[2] as ItemKind | undefined, one[3] === undefined ? undefined : decodeURIComponent(one[3]));
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
			this.queueUpdate(record.externalId);
		}
		return json(200, { upserted: records.length, created, updated: records.length - created });
	}

	/** `/api/records/{externalId}` and its `/notes[/{key}]`, `/tasks[/{key}]`. */
	private handleOne(ctx: PartnerContext, externalId: string, kind: ItemKind | undefined, key: string | undefined): PartnerReply {
		if (kind && key === undefined) {
			if (ctx.method !== 'GET') return json(405, { error: `${ctx.method} not allowed` });
			if (!this.store.has(externalId)) return json(404, { error: `no record ${externalId}` });
			return json(200, { [kind]: this.itemsOf(kind, externalId) });
		}
		if (ctx.method === 'GET') {
			if (kind) return json(405, { error: 'GET a list: /notes or /tasks' });
			const record = this.store.get(externalId);
			return record ? json(200, { record: clone(record) }) : json(404, { error: `no record ${externalId}` });
		}
		if (ctx.method !== 'PUT') return json(405, { error: `${ctx.method} not allowed` });
		if (!isObject(ctx.body)) return json(422, { error: 'body must be a JSON object' });
		if (!kind) {
			if (ctx.body.externalId !== undefined && ctx.body.externalId !== externalId) return json(422, { error: 'externalId in the body differs from the one in the path' });
			if (!this.takeWrite()) return json(503, { error: 'Service Unavailable' });
			const created = !this.store.has(externalId);
			this.store.set(externalId, { ...(this.store.get(externalId) ?? {}), ...clone(ctx.body), externalId });
			this.writeLog.push(externalId);
			this.queueUpdate(externalId);
			return json(200, { record: clone(this.store.get(externalId)!), created });
		}
		if (!this.store.has(externalId)) return json(404, { error: `no record ${externalId}` });
		const required = kind === 'notes' ? 'body' : 'title';
		if (typeof ctx.body[required] !== 'string' || !String(ctx.body[required]).trim()) return json(422, { error: `${required} (non-empty string) is required` });
		if (kind === 'tasks' && ctx.body.dueDate !== undefined && ctx.body.dueDate !== '' && Number.isNaN(Date.parse(String(ctx.body.dueDate)))) {
			return json(422, { error: `dueDate: not a date: ${String(ctx.body.dueDate).slice(0, 40)}` });
		}
		if (!this.takeWrite()) return json(503, { error: 'Service Unavailable' });
		const id = `${externalId}/${kind}/${key!}`;
		const created = !this.items[kind].has(id);
		this.items[kind].set(id, { ...clone(ctx.body), key: key!, externalId });
		this.itemWriteLog.push(id);
		this.queueUpdate(externalId);
		return json(200, { [kind === 'notes' ? 'note' : 'task']: clone(this.items[kind].get(id)!), created });
	}

	/** Counts one accepted write against `goDownAfter`; false once the app is down. */
	private takeWrite(): boolean {
		if (this.batchesLeft === undefined) return true;
		if (this.batchesLeft <= 0) return false;
		this.batchesLeft--;
		return true;
	}

	private itemsOf(kind: ItemKind, externalId?: string): AnyAppItem[] {
		return clone([...this.items[kind].values()].filter((item) => externalId === undefined || item.externalId === externalId));
	}

	private queueUpdate(externalId: string): void {
		this.outbox.push({ event: 'record.updated', record: clone(this.store.get(externalId)!) });
	}
}
