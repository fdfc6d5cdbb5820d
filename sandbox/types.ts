/**
 * Public types of the GHL sandbox (other code imports these names; keep them stable).
 */
import type { ContactRecord } from './store';

export interface RateLimitOptions {
	/** Requests allowed per `intervalMs` (GHL burst limit: 100 / 10 s). */
	max: number;
	intervalMs: number;
	/** Requests allowed per UTC day (GHL: 200,000). */
	daily: number;
}

export interface SandboxOptions {
	/** 0 = random free port (default 0); host is always 127.0.0.1 */
	port?: number;
	/** Seed deterministic demo data (default true). */
	seed?: boolean;
	rateLimit?: RateLimitOptions;
	/** OAuth access-token lifetime in seconds (default 86399). */
	accessTokenTtlSeconds?: number;
	/** GHL's grace window for re-using the same refresh token (default 30000 ms). */
	refreshGraceMs?: number;
	/** URLs every queued webhook event is POSTed to. */
	webhookTargets?: string[];
	/** Deliver events right after each write (default false: wait for deliverWebhooks()). */
	autoDeliverWebhooks?: boolean;
	/** Print one line per request to stdout (default false). */
	log?: boolean;
	/**
	 * Check every success answer against the spec's response schema for it and record what does
	 * not match in `responseMismatches` (default false; the test harness turns it on).
	 */
	validateResponses?: boolean;
	/**
	 * GHL's search index lags writes: each written contact version reaches `POST /contacts/search`
	 * 0–N ms after the write (a different delay per version, so not in timestamp order); until then
	 * the search shows the version before it, or nothing (default 0: no lag).
	 */
	searchIndexLagMs?: number;
}

/** A success answer of the sandbox that the spec's response schema refuses. */
export interface ResponseMismatch {
	operationId: string;
	method: string;
	path: string;
	status: number;
	problems: string[];
}

export interface RecordedRequest {
	method: string;
	path: string;
	query: Record<string, string | string[]>;
	/** Lower-cased header names. */
	headers: Record<string, string>;
	/** Parsed body (JSON or form; a multipart body's text fields), undefined when empty or unparsable. */
	body: unknown;
	rawBody: string;
	/** A multipart body's file parts: what GHL received of each file (its bytes as a SHA-256). */
	files?: Array<{ fieldname: string; originalname: string; mimetype: string; size: number; sha256: string }>;
	/** Status answered; 0 when the socket was destroyed by a `reset` fault. */
	status: number;
	/** Epoch ms when the request arrived. */
	at: number;
	/** Spec operationId of the matched route, if any. */
	operationId?: string;
	/** The matched operation's key (sandbox/openapi.ts operationKey): its operationId, or `api:operationId` where GHL uses that id in two APIs. */
	operationKey?: string;
	durationMs: number;
	/** The refusal's message (GHL's `message`, a 422's list joined by "; ") when the status is 400 or more. */
	message?: string;
}

export interface FaultMatch {
	method?: string;
	/** Substring of the path, or a RegExp (or its source string). */
	path?: string | RegExp;
	/** Substring of the raw request body (to hit one item's write among many in flight). */
	body?: string;
}

/**
 * When a fault hits. Without `probability` it hits the next `count` matching requests (default 1).
 * With it, each matching request is hit with that chance, drawn from a random source seeded with
 * `seed` (default 1) so a run repeats, until `count` hits (default: no limit).
 */
export interface FaultTiming {
	count?: number;
	match?: FaultMatch;
	/** 0–1: the chance that a matching request is hit. */
	probability?: number;
	seed?: number;
}

export type Fault = FaultTiming &
	(
		| { kind: 'status'; status: number; body?: unknown }
		/** Holds the answer `ms`, or a seeded random time from `ms` to `maxMs`. */
		| { kind: 'latency'; ms: number; maxMs?: number }
		| { kind: 'reset' }
		/** A real-shaped 429; with `retryAfterSeconds`, a Retry-After header too. */
		| { kind: 'rate-limit-burst'; retryAfterSeconds?: number }
		/** The request is answered as if it carried no page cursor (searchAfter, startAfterId, skip): a cursor that does not move. */
		| { kind: 'stuck-cursor' }
		/** The request is carried out, then answered with this status: a write that failed in transit. */
		| { kind: 'status-after'; status: number }
		/** The request is carried out, then the connection is dropped before the answer. */
		| { kind: 'reset-after' }
	);

/** A webhook event exactly as it is POSTed (flat contact/note/task events; appointment events nest under `appointment`). */
export interface WebhookEvent {
	type: string;
	locationId: string;
	timestamp: string;
	webhookId: string;
	[field: string]: unknown;
}

export type SignatureMode = 'both' | 'ed25519' | 'rsa' | 'none' | 'forged';

export interface DeliverOptions {
	/** Default: the configured webhook targets. */
	targets?: string[];
	/** Default 'both' (x-ghl-signature Ed25519 + x-wh-signature RSA-SHA256). */
	signature?: SignatureMode;
	/** Change the body after signing, so verification must fail. */
	tamper?: boolean;
	overrides?: { timestamp?: string; webhookId?: string; locationId?: string };
	/** Deliver these events instead of draining the queue (the queue is left untouched). */
	events?: WebhookEvent[];
}

export interface DeliveryResult {
	eventType: string;
	webhookId: string;
	target: string;
	/** HTTP status answered by the target; 0 when the request failed (see `error`). */
	status: number;
	body: string;
	error?: string;
	signature: SignatureMode;
	tampered: boolean;
}

export interface OAuthTokenResponse {
	access_token: string;
	token_type: 'Bearer';
	expires_in: number;
	refresh_token?: string;
	scope: string;
	userType: 'Location' | 'Company';
	locationId?: string;
	companyId: string;
	userId: string;
	approvedLocations?: string[];
	planId?: string;
	isBulkInstallation?: boolean;
	installToFutureLocations?: boolean;
	approveAllLocations?: boolean;
	refreshTokenId?: string;
	traceId?: string;
	[field: string]: unknown;
}

export interface IssueTokenOptions {
	locationId?: string;
	userType?: 'Location' | 'Company';
	scopes?: string[];
}

export interface DemoIdentities {
	/** Main demo sub-account (duplicates NOT allowed). */
	locationId: string;
	/** Second sub-account for cross-location tests (duplicates allowed). */
	otherLocationId: string;
	/** Third sub-account, empty; with the two above, every sub-account the demo agency has the app installed in. */
	thirdLocationId: string;
	companyId: string;
	/** Private Integration token of the demo location with every contact/calendar scope. */
	privateToken: string;
	/** Private Integration token of the demo location with read-only scopes. */
	readOnlyToken: string;
	/** Private Integration token of the other location (all scopes). */
	otherLocationToken: string;
	/** Every scope the sandbox knows for location tokens. */
	scopes: string[];
	readOnlyScopes: string[];
	oauthClientId: string;
	oauthClientSecret: string;
	appId: string;
	/** The user that "installed" the app / owns the PITs. */
	userId: string;
	userIds: string[];
	calendarIds: string[];
	campaignIds: string[];
	workflowIds: string[];
	businessIds: string[];
	customFieldIds: string[];
}

export interface SandboxStats {
	requests: number;
	byStatus: Record<string, number>;
	rateLimited: number;
	faultsApplied: number;
	webhooksQueued: number;
	webhooksDelivered: number;
}

export interface Sandbox {
	url: string;
	port: number;
	close(): Promise<void>;
	requests: RecordedRequest[];
	reset(): void;
	demo: DemoIdentities;
	publicKeys: { ed25519: string; rsa: string };
	issueOAuthTokens(opts?: IssueTokenOptions): OAuthTokenResponse;
	expireAccessTokens(): void;
	/**
	 * Uninstall the demo app from a sub-account (its tokens stop working, minting one is refused,
	 * an UNINSTALL event is queued), or install it again (an INSTALL event is queued).
	 */
	setAppInstalled(locationId: string, installed: boolean): void;
	injectFault(f: Fault): void;
	clearFaults(): void;
	queuedEvents(): WebhookEvent[];
	deliverWebhooks(opts?: DeliverOptions): Promise<DeliveryResult[]>;
	/** Extra helpers (not in the original interface, additive). */
	stats(): SandboxStats;
	setWebhookTargets(targets: string[]): void;
	/** Queue an arbitrary event (timestamp/webhookId are added when missing). */
	enqueueEvent(event: Partial<WebhookEvent> & { type: string; locationId: string }): WebhookEvent;
	setRateLimit(rateLimit: RateLimitOptions): void;
	/** Run the sandbox's clock `ms` ahead of this machine's (negative: behind); timestamps it writes follow it. */
	setClockSkew(ms: number): void;
	/** Change a location's "Allow Duplicate Contact" setting. */
	setAllowDuplicateContacts(locationId: string, allow: boolean): void;
	/** JSON snapshot of all data (same as GET /_sandbox/store). */
	snapshot(): Record<string, unknown>;
	/**
	 * Records that reach GHL other than through its API (a visitor submitting a form or survey):
	 * stored in the collection as given, each with a new id; returns them as stored.
	 */
	putRecords(collection: string, records: Array<Record<string, unknown>>): Array<Record<string, unknown> & { id: string }>;
	/**
	 * Contacts that reach GHL in bulk other than through its API (an import): stored in the location
	 * as given, each with a new id; dateAdded/dateUpdated default to the sandbox's clock. Returns their ids.
	 */
	putContacts(locationId: string, contacts: Array<Partial<ContactRecord>>): string[];
	/** Answers that did not match the spec (with `validateResponses`); cleared by reset(). */
	responseMismatches: ResponseMismatch[];
}
