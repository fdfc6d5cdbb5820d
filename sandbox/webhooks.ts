/**
 * Webhook events (payload shapes of ghl-openapi/webhook-events/<Event>.json), their queue,
 * and signed delivery: `x-ghl-signature` = base64 Ed25519 over the raw body bytes,
 * `x-wh-signature` = base64 RSA-SHA256 over the same bytes (research §3.4).
 * Key pairs are generated in memory once per process; only public keys ever leave it.
 */
import { createSign, generateKeyPairSync, sign as signBytes, type KeyObject } from 'crypto';
import { uuid } from './ids';
import { contactName, customFieldList, type AppointmentRecord, type ContactRecord, type NoteRecord, type TaskRecord } from './store';
import type { DeliverOptions, DeliveryResult, SignatureMode, WebhookEvent } from './types';

interface KeySet {
	ed25519: { publicKey: KeyObject; privateKey: KeyObject };
	rsa: { publicKey: KeyObject; privateKey: KeyObject };
}

let signingKeys: KeySet | undefined;
let forgedKeys: KeySet | undefined;

function generateKeySet(): KeySet {
	return {
		ed25519: generateKeyPairSync('ed25519'),
		// 2048 bits keeps startup fast; GHL's own key is 4096-bit, verification code is the same.
		rsa: generateKeyPairSync('rsa', { modulusLength: 2048 }),
	};
}

export function getSigningKeys(): KeySet {
	signingKeys ??= generateKeySet();
	return signingKeys;
}

function getForgedKeys(): KeySet {
	forgedKeys ??= generateKeySet();
	return forgedKeys;
}

export function publicKeyPems(): { ed25519: string; rsa: string } {
	const keys = getSigningKeys();
	return {
		ed25519: keys.ed25519.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
		rsa: keys.rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
	};
}

export function signatureHeaders(body: Buffer, mode: SignatureMode): Record<string, string> {
	if (mode === 'none') return {};
	const keys = mode === 'forged' ? getForgedKeys() : getSigningKeys();
	const headers: Record<string, string> = {};
	if (mode !== 'rsa') headers['x-ghl-signature'] = signBytes(null, body, keys.ed25519.privateKey).toString('base64');
	if (mode !== 'ed25519') headers['x-wh-signature'] = createSign('SHA256').update(body).sign(keys.rsa.privateKey, 'base64');
	return headers;
}

// ---------------------------------------------------------------------------
// Payload builders

export type ContactEventType = 'ContactCreate' | 'ContactUpdate' | 'ContactDelete' | 'ContactTagUpdate' | 'ContactDndUpdate';
export type EventPayload = Omit<WebhookEvent, 'timestamp' | 'webhookId'>;

function defined(obj: Record<string, unknown>): Record<string, unknown> {
	for (const key of Object.keys(obj)) if (obj[key] === undefined || obj[key] === null) delete obj[key];
	return obj;
}

/** Contact events are flat, contact id in `id` (ContactCreate.json). */
export function contactEvent(type: ContactEventType, c: ContactRecord): EventPayload {
	const payload = defined({
		type,
		locationId: c.locationId,
		id: c.id,
		address1: c.address1,
		city: c.city,
		state: c.state,
		companyName: c.companyName,
		country: c.country,
		source: c.source,
		dateAdded: c.dateAdded,
		dateOfBirth: c.dateOfBirth,
		dnd: c.dnd,
		email: c.email,
		name: contactName(c),
		firstName: c.firstName,
		lastName: c.lastName,
		phone: c.phone,
		postalCode: c.postalCode,
		tags: [...c.tags],
		website: c.website,
		attachments: [],
		assignedTo: c.assignedTo,
		customFields: customFieldList(c),
	});
	if (type === 'ContactDndUpdate') payload.dndSettings = c.dndSettings ?? {};
	return payload as EventPayload;
}

export function noteEvent(type: 'NoteCreate' | 'NoteUpdate' | 'NoteDelete', n: NoteRecord): EventPayload {
	return defined({
		type,
		locationId: n.locationId,
		id: n.id,
		body: n.body,
		contactId: n.contactId,
		dateAdded: n.dateAdded,
	}) as EventPayload;
}

/** Task events carry no `completed` flag (TaskCreate.json). */
export function taskEvent(type: 'TaskCreate' | 'TaskComplete' | 'TaskDelete', t: TaskRecord): EventPayload {
	return defined({
		type,
		locationId: t.locationId,
		id: t.id,
		assignedTo: t.assignedTo,
		body: t.body,
		contactId: t.contactId,
		title: t.title,
		dateAdded: t.dateAdded,
		dueDate: t.dueDate,
	}) as EventPayload;
}

/** Appointment events nest the data under `appointment` (AppointmentCreate.json). */
export function appointmentEvent(
	type: 'AppointmentCreate' | 'AppointmentUpdate' | 'AppointmentDelete',
	a: AppointmentRecord,
): EventPayload {
	return {
		type,
		locationId: a.locationId,
		appointment: defined({
			id: a.id,
			address: a.address,
			title: a.title,
			calendarId: a.calendarId,
			contactId: a.contactId,
			groupId: a.groupId,
			appointmentStatus: a.appointmentStatus,
			assignedUserId: a.assignedUserId,
			users: [...a.users],
			notes: a.notes,
			source: a.source,
			startTime: a.startTime,
			endTime: a.endTime,
			dateAdded: a.dateAdded,
			dateUpdated: a.dateUpdated,
		}),
	};
}

// ---------------------------------------------------------------------------
// Queue and delivery

const MAX_DELIVERY_LOG = 1000;

export class WebhookHub {
	queue: WebhookEvent[] = [];
	deliveries: DeliveryResult[] = [];
	queuedTotal = 0;
	deliveredTotal = 0;
	private autoChain: Promise<unknown> = Promise.resolve();

	constructor(
		public targets: string[],
		public autoDeliver: boolean,
	) {}

	emit(payload: EventPayload | (Partial<WebhookEvent> & { type: string; locationId: string })): WebhookEvent {
		const event = { ...payload, timestamp: payload.timestamp ?? new Date().toISOString(), webhookId: payload.webhookId ?? uuid() } as WebhookEvent;
		this.queue.push(event);
		this.queuedTotal++;
		if (this.autoDeliver && this.targets.length) {
			// Serialised so events arrive in write order.
			this.autoChain = this.autoChain.then(() => this.deliver()).catch(() => undefined);
		}
		return event;
	}

	clear(): void {
		this.queue = [];
		this.deliveries = [];
	}

	/** Waits until auto-deliveries queued so far are done. */
	async settled(): Promise<void> {
		await this.autoChain;
	}

	/**
	 * POST events to targets. Without `opts.events` the queue is drained, but only when
	 * there is at least one target (otherwise events stay queued).
	 */
	async deliver(opts: DeliverOptions = {}): Promise<DeliveryResult[]> {
		const targets = opts.targets ?? this.targets;
		if (!targets.length) return [];
		const events = opts.events ?? this.queue.splice(0, this.queue.length);
		const signature = opts.signature ?? 'both';
		const results: DeliveryResult[] = [];
		for (const original of events) {
			const event: WebhookEvent = { ...original, ...definedOverrides(opts.overrides) };
			const signedBody = Buffer.from(JSON.stringify(event), 'utf8');
			const headers = signatureHeaders(signedBody, signature);
			// Tampering: the bytes sent differ from the bytes signed (timestamp moved by 1 s).
			const sentBody = opts.tamper
				? Buffer.from(JSON.stringify({ ...event, timestamp: new Date(Date.parse(event.timestamp) + 1000 || 0).toISOString() }), 'utf8')
				: signedBody;
			for (const target of targets) {
				const result: DeliveryResult = {
					eventType: event.type,
					webhookId: event.webhookId,
					target,
					status: 0,
					body: '',
					signature,
					tampered: !!opts.tamper,
				};
				try {
					const res = await fetch(target, {
						method: 'POST',
						headers: { 'content-type': 'application/json', 'user-agent': 'ghl-sandbox-webhooks/1.0', ...headers },
						body: sentBody,
						signal: AbortSignal.timeout(10000),
					});
					result.status = res.status;
					result.body = await res.text();
				} catch (err) {
					result.error = (err as Error).message;
				}
				results.push(result);
				this.deliveries.push(result);
				if (this.deliveries.length > MAX_DELIVERY_LOG) this.deliveries.splice(0, this.deliveries.length - MAX_DELIVERY_LOG);
				this.deliveredTotal++;
			}
		}
		return results;
	}
}

function definedOverrides(overrides: DeliverOptions['overrides']): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [key, value] of Object.entries(overrides ?? {})) if (value !== undefined) out[key] = value;
	return out;
}
