/**
 * GHL sandbox: a local emulator of HighLevel API v2 (contacts, calendar appointments,
 * custom fields, users), its OAuth and its signed webhooks. See sandbox/README.md.
 */
import { createServer, type Server } from 'http';
import type { AddressInfo } from 'net';
import { issueDemoTokens, setInstalled } from './oauth';
import { setClockSkew } from './routes/common';
import { newContactRecord } from './routes/contacts';
import { SandboxCore } from './server';
import type { ContactRecord } from './store';
import type { Sandbox, SandboxOptions } from './types';

export type {
	DeliverOptions,
	DeliveryResult,
	DemoIdentities,
	Fault,
	FaultMatch,
	IssueTokenOptions,
	OAuthTokenResponse,
	RateLimitOptions,
	RecordedRequest,
	ResponseMismatch,
	Sandbox,
	SandboxOptions,
	SandboxStats,
	SignatureMode,
	WebhookEvent,
} from './types';

export async function startSandbox(opts: SandboxOptions = {}): Promise<Sandbox> {
	const core = new SandboxCore(opts);
	const server: Server = createServer((req, res) => {
		void core.handle(req, res);
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(opts.port ?? 0, '127.0.0.1', () => {
			server.off('error', reject);
			resolve();
		});
	});
	const port = (server.address() as AddressInfo).port;
	core.url = `http://127.0.0.1:${port}`;

	let closed = false;
	const sandbox: Sandbox = {
		url: core.url,
		port,
		requests: core.requests,
		get demo() {
			return core.demo;
		},
		publicKeys: core.publicKeys,
		async close() {
			if (closed) return;
			closed = true;
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
		reset: () => core.reset(),
		issueOAuthTokens: (o) => issueDemoTokens(core.state(), o),
		expireAccessTokens: () => core.tokens.expireAccessTokens(),
		setAppInstalled: (locationId, installed) => setInstalled(core.state(), locationId, installed),
		injectFault: (f) => core.faults.add(f),
		clearFaults: () => core.faults.clear(),
		queuedEvents: () => [...core.webhooks.queue],
		deliverWebhooks: async (o) => {
			await core.webhooks.settled();
			return core.webhooks.deliver(o);
		},
		stats: () => core.stats(),
		setWebhookTargets: (targets) => {
			core.webhooks.targets = [...targets];
		},
		enqueueEvent: (event) => core.webhooks.emit(event),
		setRateLimit: (rateLimit) => {
			core.rateLimiter.options = { ...rateLimit };
			core.rateLimiter.reset();
		},
		setClockSkew: (ms) => setClockSkew(ms),
		setAllowDuplicateContacts: (locationId, allow) => {
			const location = core.store.locations.get(locationId);
			if (!location) throw new Error(`Unknown location ${locationId}`);
			location.allowDuplicateContact = allow;
		},
		snapshot: () => core.store.snapshot(),
		putRecords: (collection, records) =>
			records.map((fields) => {
				const record = { ...fields, id: core.store.newRecordId() };
				core.store.collection(collection).set(record.id, record);
				return record;
			}),
		putContacts: (locationId, contacts) => {
			if (!core.store.locations.has(locationId)) throw new Error(`Unknown location ${locationId}`);
			const ids = contacts.map((fields) => {
				const created = newContactRecord(core.store, locationId);
				const contact: ContactRecord = { ...created, ...fields, id: created.id, locationId };
				core.store.contacts.set(contact.id, contact);
				return contact.id;
			});
			// As after a write request: the search shows them once its lag has passed.
			core.searchIndex?.capture(core.store);
			return ids;
		},
		responseMismatches: core.responseMismatches,
	};
	return sandbox;
}
