/**
 * The sandbox console: `GET /` is a page (page.ts) showing what the sandbox holds per location,
 * every API request with the sandbox's verdict (GHL's refusal message when it refused one), the
 * webhook deliveries and their answers, and a form that sends a signed test event. It reads these
 * JSON routes (loopback only, like the rest of `/_sandbox/`):
 *
 *   GET  /_sandbox/console/locations                  [{id, name, counts}]
 *   GET  /_sandbox/console/records?kind=K&location=L  records of kind K, newest first
 *   GET  /_sandbox/console/requests                   the request log, newest first, secrets masked
 *   GET  /_sandbox/console/deliveries                 webhook deliveries, newest first
 *   GET  /_sandbox/console/event-types                the event types the form can build
 *   POST /_sandbox/console/events {url, type, locationId?, recordId?, payload?, signature?}
 */
import { uuid } from '../ids';
import { isPlainObject } from '../http';
import type { SandboxCore } from '../server';
import type { Store } from '../store';
import type { DeliveryResult, SignatureMode, WebhookEvent } from '../types';
import { appointmentEvent, contactEvent, noteEvent, taskEvent, type ContactEventType, type EventPayload } from '../webhooks';
import { maskSecrets } from './mask';
import { consoleHtml, type ConsoleLayout } from './page';

/** Record kinds shown per location, in this order; a kind the store does not keep is left out. */
const RECORD_KINDS = ['contacts', 'opportunities', 'tasks', 'notes', 'appointments'] as const;
type RecordKind = (typeof RECORD_KINDS)[number];

/** Rows sent per table: the newest ones (the page searches within them). */
const MAX_ROWS = 500;

interface LocatedRecord {
	id: string;
	locationId: string;
	dateAdded?: string;
	dateUpdated?: string;
	[field: string]: unknown;
}

function recordMap(store: Store, kind: RecordKind): Map<string, LocatedRecord> | undefined {
	const map = (store as unknown as Record<string, unknown>)[kind];
	return map instanceof Map ? (map as Map<string, LocatedRecord>) : undefined;
}

export function recordKinds(store: Store): RecordKind[] {
	return RECORD_KINDS.filter((kind) => recordMap(store, kind) !== undefined);
}

const newest = (r: LocatedRecord) => Date.parse(r.dateUpdated ?? r.dateAdded ?? '') || 0;

export function records(store: Store, kind: RecordKind, locationId?: string): LocatedRecord[] {
	const map = recordMap(store, kind);
	if (!map) return [];
	return structuredClone(
		[...map.values()]
			.filter((r) => !locationId || r.locationId === locationId)
			// Newest change first; among equal times, the latest created (insertion order) first.
			.map((r, order) => ({ r, order }))
			.sort((a, b) => newest(b.r) - newest(a.r) || b.order - a.order)
			.slice(0, MAX_ROWS)
			.map(({ r }) => r),
	);
}

/** Verdict shown for a request: `valid` for an answer under 400, else the sandbox's refusal message. */
function verdict(status: number, message: string | undefined): string {
	if (status === 0) return 'no answer (connection dropped)';
	if (status < 400) return 'valid';
	return message ?? `refused (${status})`;
}

export function requestLog(core: SandboxCore): Record<string, unknown>[] {
	return core.requests
		.slice(-MAX_ROWS)
		.reverse()
		.map((r) => ({
			at: r.at,
			method: r.method,
			path: r.path,
			operationId: r.operationId ?? null,
			status: r.status,
			result: verdict(r.status, r.message),
			durationMs: r.durationMs,
			query: maskSecrets(r.query),
			headers: maskSecrets(r.headers),
			body: maskSecrets(r.body) ?? null,
		}));
}

export function deliveryLog(core: SandboxCore): DeliveryResult[] {
	return core.webhooks.deliveries.slice(-MAX_ROWS).reverse();
}

/** Event types the form builds from a stored record, and the record kind each needs. */
const EVENT_KINDS: Record<string, RecordKind> = {
	ContactCreate: 'contacts',
	ContactUpdate: 'contacts',
	ContactDelete: 'contacts',
	ContactTagUpdate: 'contacts',
	ContactDndUpdate: 'contacts',
	NoteCreate: 'notes',
	NoteUpdate: 'notes',
	NoteDelete: 'notes',
	TaskCreate: 'tasks',
	TaskComplete: 'tasks',
	TaskDelete: 'tasks',
	AppointmentCreate: 'appointments',
	AppointmentUpdate: 'appointments',
	AppointmentDelete: 'appointments',
};

export function eventTypes(): Array<{ type: string; kind: string }> {
	return Object.entries(EVENT_KINDS).map(([type, kind]) => ({ type, kind }));
}

class ConsoleError extends Error {
	constructor(
		readonly status: number,
		message: string,
	) {
		super(message);
	}
}

/** The event GHL would send for `type` about a stored record (the given one, else the location's newest). */
export function buildEvent(store: Store, type: string, locationId: string, recordId?: string, extra?: Record<string, unknown>): WebhookEvent {
	const kind = EVENT_KINDS[type];
	let payload: EventPayload;
	if (!kind) {
		// Any other GHL event type: the caller's fields make the event.
		payload = { type, locationId };
	} else {
		const candidates = records(store, kind, locationId);
		const record = recordId ? candidates.find((r) => r.id === recordId) : candidates[0];
		if (!record) {
			throw new ConsoleError(404, recordId ? `No ${kind.slice(0, -1)} ${recordId} in location ${locationId}` : `Location ${locationId} has no ${kind} for a ${type} event`);
		}
		const r = record as never;
		if (kind === 'contacts') payload = contactEvent(type as ContactEventType, r);
		else if (kind === 'notes') payload = noteEvent(type as 'NoteCreate', r);
		else if (kind === 'tasks') payload = taskEvent(type as 'TaskCreate', r);
		else payload = appointmentEvent(type as 'AppointmentCreate', r);
	}
	return { ...payload, ...(extra ?? {}), type, locationId, timestamp: new Date().toISOString(), webhookId: uuid() } as WebhookEvent;
}

const SIGNATURES: SignatureMode[] = ['both', 'ed25519', 'rsa', 'none', 'forged'];

async function sendEvent(core: SandboxCore, body: Record<string, unknown>): Promise<DeliveryResult> {
	const url = typeof body.url === 'string' ? body.url.trim() : '';
	if (!/^https?:\/\/[^\s]+$/i.test(url)) throw new ConsoleError(400, 'url must be the http(s) URL of a trigger');
	if (typeof body.type !== 'string' || !/^[A-Za-z]+$/.test(body.type)) throw new ConsoleError(400, 'type must be a GHL event type such as ContactCreate');
	const locationId = typeof body.locationId === 'string' && body.locationId ? body.locationId : core.demo.locationId;
	if (!core.store.locations.has(locationId)) throw new ConsoleError(404, `Unknown location ${locationId}`);
	if (body.payload !== undefined && !isPlainObject(body.payload)) throw new ConsoleError(400, 'payload must be a JSON object');
	const signature = (body.signature ?? 'both') as SignatureMode;
	if (!SIGNATURES.includes(signature)) throw new ConsoleError(400, `signature must be one of ${SIGNATURES.join(', ')}`);
	const recordId = typeof body.recordId === 'string' && body.recordId ? body.recordId : undefined;
	const event = buildEvent(core.store, body.type, locationId, recordId, body.payload as Record<string, unknown> | undefined);
	const [result] = await core.webhooks.deliver({ targets: [url], events: [event], signature });
	return result;
}

export function sandboxConsoleLayout(): ConsoleLayout {
	const time = { format: 'time' as const };
	return {
		title: 'GHL sandbox console',
		intro: 'What this local HighLevel holds, the API calls it received (with why it would refuse one), and the webhooks it sent.',
		locationsSource: '/_sandbox/console/locations',
		tables: [
			{
				id: 'contacts',
				title: 'Contacts',
				source: '/_sandbox/console/records?kind=contacts',
				perLocation: true,
				columns: [
					{ key: 'dateUpdated', label: 'Updated', ...time },
					{ key: 'firstName', label: 'First name' },
					{ key: 'lastName', label: 'Last name' },
					{ key: 'email', label: 'Email' },
					{ key: 'phone', label: 'Phone' },
					{ key: 'tags', label: 'Tags' },
					{ key: 'source', label: 'Source' },
					{ key: 'id', label: 'ID' },
				],
			},
			{
				id: 'opportunities',
				title: 'Opportunities',
				source: '/_sandbox/console/records?kind=opportunities',
				perLocation: true,
				columns: [
					{ key: 'dateUpdated', label: 'Updated', ...time },
					{ key: 'name', label: 'Name' },
					{ key: 'status', label: 'Status' },
					{ key: 'monetaryValue', label: 'Value' },
					{ key: 'contactId', label: 'Contact' },
					{ key: 'id', label: 'ID' },
				],
			},
			{
				id: 'tasks',
				title: 'Tasks',
				source: '/_sandbox/console/records?kind=tasks',
				perLocation: true,
				columns: [
					{ key: 'dateUpdated', label: 'Updated', ...time },
					{ key: 'title', label: 'Title' },
					{ key: 'dueDate', label: 'Due', ...time },
					{ key: 'completed', label: 'Done' },
					{ key: 'body', label: 'Body' },
					{ key: 'contactId', label: 'Contact' },
				],
			},
			{
				id: 'notes',
				title: 'Notes',
				source: '/_sandbox/console/records?kind=notes',
				perLocation: true,
				columns: [
					{ key: 'dateUpdated', label: 'Updated', ...time },
					{ key: 'body', label: 'Body' },
					{ key: 'contactId', label: 'Contact' },
					{ key: 'id', label: 'ID' },
				],
			},
			{
				id: 'appointments',
				title: 'Appointments',
				source: '/_sandbox/console/records?kind=appointments',
				perLocation: true,
				columns: [
					{ key: 'dateUpdated', label: 'Updated', ...time },
					{ key: 'title', label: 'Title' },
					{ key: 'startTime', label: 'Starts', ...time },
					{ key: 'appointmentStatus', label: 'Status' },
					{ key: 'contactId', label: 'Contact' },
					{ key: 'calendarId', label: 'Calendar' },
				],
			},
			{
				id: 'requests',
				title: 'API requests',
				source: '/_sandbox/console/requests',
				hint: 'Every call to the API, checked against GHL\'s contract: "valid", or the message GHL would refuse it with. Tokens are masked.',
				columns: [
					{ key: 'at', label: 'At', ...time },
					{ key: 'method', label: 'Method' },
					{ key: 'path', label: 'Path' },
					{ key: 'status', label: 'Status', format: 'status' },
					{ key: 'result', label: 'Validation' },
					{ key: 'operationId', label: 'Operation' },
				],
			},
			{
				id: 'deliveries',
				title: 'Webhook deliveries',
				source: '/_sandbox/console/deliveries',
				hint: 'Signed events the sandbox POSTed, and what the receiver answered.',
				columns: [
					{ key: 'eventType', label: 'Event' },
					{ key: 'target', label: 'Target' },
					{ key: 'status', label: 'Answer', format: 'status' },
					{ key: 'body', label: 'Body' },
					{ key: 'error', label: 'Error' },
					{ key: 'signature', label: 'Signature' },
					{ key: 'webhookId', label: 'webhookId' },
				],
			},
		],
		sendEvent: { action: '/_sandbox/console/events', typesSource: '/_sandbox/console/event-types' },
	};
}

/** The page, with the tables of record kinds this store does not keep left out. */
export function sandboxConsolePage(store: Store): string {
	const kinds = new Set<string>(recordKinds(store));
	const layout = sandboxConsoleLayout();
	layout.tables = layout.tables.filter((t) => !(RECORD_KINDS as readonly string[]).includes(t.id) || kinds.has(t.id));
	return consoleHtml(layout);
}

/** Answers a `/_sandbox/console/*` route, or undefined when the route is not one of them. */
export async function handleConsoleRoute(
	core: SandboxCore,
	route: string,
	url: URL,
	body: Record<string, unknown>,
): Promise<{ status: number; body: unknown } | undefined> {
	try {
		switch (route) {
			case 'GET /_sandbox/console/locations':
				return {
					status: 200,
					body: [...core.store.locations.values()].map((l) => ({
						id: l.id,
						name: l.name,
						counts: Object.fromEntries(recordKinds(core.store).map((kind) => [kind, records(core.store, kind, l.id).length])),
					})),
				};
			case 'GET /_sandbox/console/records': {
				const kind = url.searchParams.get('kind') ?? '';
				if (!(recordKinds(core.store) as string[]).includes(kind)) {
					return { status: 400, body: { statusCode: 400, message: `kind must be one of ${recordKinds(core.store).join(', ')}` } };
				}
				return { status: 200, body: records(core.store, kind as RecordKind, url.searchParams.get('location') ?? undefined) };
			}
			case 'GET /_sandbox/console/requests':
				return { status: 200, body: requestLog(core) };
			case 'GET /_sandbox/console/deliveries':
				return { status: 200, body: deliveryLog(core) };
			case 'GET /_sandbox/console/event-types':
				return { status: 200, body: eventTypes() };
			case 'POST /_sandbox/console/events':
				return { status: 200, body: await sendEvent(core, body) };
		}
	} catch (err) {
		if (err instanceof ConsoleError) return { status: err.status, body: { statusCode: err.status, message: err.message } };
		throw err;
	}
	return undefined;
}
