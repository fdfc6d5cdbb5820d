/**
 * The request pipeline. Order of checks (each can answer early):
 *   fault injection → route (404) → body parse (400) → bearer token (401) → rate limit (429)
 *   → Version header (401) → token type / scope (401) → locationId access (403)
 *   → query/path (400) → body (422; 400 on calendars routes) → handler.
 * Faults come first so they never change state; refused (429) requests are not counted.
 */
import { createHash } from 'crypto';
import type { IncomingMessage, ServerResponse } from 'http';
import { handleAdmin } from './admin';
import { sandboxConsolePage } from './console';
import { TokenRegistry, type Principal } from './auth';
import { FaultInjector } from './faults';
import {
	errors,
	headersToObject,
	HttpError,
	isPlainObject,
	parseBody,
	parseMultipart,
	queryToObject,
	readRawBody,
	sleep,
} from './http';
import type { UploadedFile } from './http';
import { loadSpecBundle, matchRoute, operationKey, type OperationSpec, type SpecBundle } from './openapi';
import { RateLimiter } from './rateLimit';
import type { SandboxState } from './routes/context';
import { handlerFor, isHandWritten } from './routes/index';
import { SearchIndex } from './searchIndex';
import { seedStore } from './seed';
import { Store } from './store';
import type {
	DemoIdentities,
	RateLimitOptions,
	RecordedRequest,
	ResponseMismatch,
	SandboxOptions,
	SandboxStats,
} from './types';
import { checkVersionHeader, formFields, responseMismatches, validateBody, validateQuery } from './validation';
import { publicKeyPems, WebhookHub } from './webhooks';

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { max: 100, intervalMs: 10_000, daily: 200_000 };

const STATUS_TEXT: Record<number, string> = {
	500: 'Internal Server Error',
	502: 'Bad Gateway',
	503: 'Service Unavailable',
	504: 'Gateway Timeout',
};

/** GHL's error message of a refusal (a 422 lists one per field), for the request log and console. */
function refusalMessage(body: unknown): string | undefined {
	const message = isPlainObject(body) ? body.message ?? body.error : undefined;
	if (Array.isArray(message)) return message.map(String).join('; ');
	return typeof message === 'string' ? message : undefined;
}

/** Keep the request log bounded in long-running CLI sessions. */
const MAX_RECORDED_REQUESTS = 10_000;

export class SandboxCore {
	readonly store = new Store();
	readonly tokens: TokenRegistry;
	readonly webhooks: WebhookHub;
	readonly rateLimiter: RateLimiter;
	readonly faults = new FaultInjector();
	readonly requests: RecordedRequest[] = [];
	readonly responseMismatches: ResponseMismatch[] = [];
	readonly bundle: SpecBundle;
	readonly publicKeys = publicKeyPems();
	/** Only with `searchIndexLagMs`: what `POST /contacts/search` can see. */
	readonly searchIndex?: SearchIndex;
	demo: DemoIdentities;
	url = '';

	constructor(readonly options: SandboxOptions) {
		this.bundle = loadSpecBundle();
		this.tokens = new TokenRegistry(options.accessTokenTtlSeconds ?? 86399, options.refreshGraceMs ?? 30_000);
		this.webhooks = new WebhookHub([...(options.webhookTargets ?? [])], options.autoDeliverWebhooks ?? false);
		this.rateLimiter = new RateLimiter({ ...(options.rateLimit ?? DEFAULT_RATE_LIMIT) });
		this.demo = seedStore(this.store, this.tokens, options.seed ?? true);
		if (options.searchIndexLagMs) {
			this.searchIndex = new SearchIndex(options.searchIndexLagMs);
			this.searchIndex.rebuild(this.store);
		}
	}

	/** Data back to the seed; request log, faults, rate-limit counters and queue cleared. OAuth tokens survive. */
	reset(): void {
		this.demo = seedStore(this.store, this.tokens, this.options.seed ?? true);
		this.searchIndex?.rebuild(this.store);
		this.requests.length = 0;
		this.responseMismatches.length = 0;
		this.faults.clear();
		this.faults.applied = 0;
		this.rateLimiter.reset();
		this.webhooks.clear();
	}

	state(baseUrl = this.url): SandboxState {
		return {
			store: this.store,
			tokens: this.tokens,
			webhooks: this.webhooks,
			demo: this.demo,
			baseUrl,
			searchIndex: this.searchIndex,
		};
	}

	stats(): SandboxStats {
		const byStatus: Record<string, number> = {};
		for (const r of this.requests) byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
		return {
			requests: this.requests.length,
			byStatus,
			rateLimited: this.rateLimiter.rejected,
			faultsApplied: this.faults.applied,
			webhooksQueued: this.webhooks.queuedTotal,
			webhooksDelivered: this.webhooks.deliveredTotal,
		};
	}

	info(): Record<string, unknown> {
		return {
			url: this.url,
			demo: this.demo,
			publicKeys: this.publicKeys,
			rateLimit: this.rateLimiter.options,
			accessTokenTtlSeconds: this.tokens.accessTokenTtlSeconds,
			refreshGraceMs: this.tokens.refreshGraceMs,
			webhookTargets: this.webhooks.targets,
			autoDeliverWebhooks: this.webhooks.autoDeliver,
			specDir: this.bundle.dir,
			operations: this.bundle.operations.map((op) => ({
				operationId: op.operationId,
				method: op.method,
				path: op.path,
				version: op.version,
				scopes: op.scopes,
				handWritten: isHandWritten(op),
			})),
		};
	}

	private authorize(op: OperationSpec, principal: Principal): void {
		// Sub-account endpoints refuse agency tokens and vice versa, with GHL's scope message ('any' takes both).
		if (op.security === 'location' && principal.userType !== 'Location') throw errors.scope();
		if (op.security === 'agency' && principal.userType !== 'Company') throw errors.scope();
		if (op.scopes.some((scope) => !principal.scopes.has(scope))) throw errors.scope();
	}

	private assertRequestedLocation(principal: Principal, values: unknown[]): void {
		if (principal.userType !== 'Location') return;
		for (const value of values) {
			if (typeof value === 'string' && value !== '' && value !== principal.locationId) throw errors.forbiddenLocation();
		}
	}

	/** Records (and logs) a success answer the spec's response schema refuses; the answer itself is sent unchanged. */
	private checkResponse(op: OperationSpec, method: string, path: string, status: number, body: unknown): void {
		// Through JSON, as the client sees it (undefined fields vanish, dates become strings).
		const sent: unknown = body === undefined ? undefined : JSON.parse(JSON.stringify(body));
		const problems = responseMismatches(op, status, sent);
		if (!problems.length) return;
		this.responseMismatches.push({ operationId: op.operationId, method, path, status, problems });
		console.error(`[ghl-sandbox] sandbox response does not match spec: ${method} ${path} → ${status}: ${problems.join('; ')}`);
	}

	async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		const pathname = url.pathname;
		if (pathname === '/_sandbox' || pathname.startsWith('/_sandbox/')) {
			await handleAdmin(this, req, res, url);
			return;
		}
		// The console page (sandbox/console); GHL's API has no route at its root.
		if (pathname === '/' && req.method === 'GET') {
			res.setHeader('content-type', 'text/html; charset=utf-8');
			res.end(sandboxConsolePage(this.store));
			return;
		}
		const started = Date.now();
		const method = (req.method ?? 'GET').toUpperCase();
		const headers = headersToObject(req);
		const rawQuery = queryToObject(url.searchParams);
		const record: RecordedRequest = {
			method,
			path: pathname,
			query: rawQuery,
			headers,
			body: undefined,
			rawBody: '',
			status: 0,
			at: started,
			durationMs: 0,
		};
		this.requests.push(record);
		if (this.requests.length > MAX_RECORDED_REQUESTS) this.requests.splice(0, this.requests.length - MAX_RECORDED_REQUESTS);

		let rateHeaders = this.rateLimiter.peek(undefined);
		const respond = (status: number, body: unknown, extra: Record<string, string> = {}) => {
			record.status = status;
			record.durationMs = Date.now() - started;
			if (status >= 400) record.message = refusalMessage(body);
			res.statusCode = status;
			for (const [k, v] of Object.entries({ ...rateHeaders, ...extra })) res.setHeader(k, v);
			if (body === undefined) res.end();
			else if (Buffer.isBuffer(body)) res.end(body);
			else {
				res.setHeader('content-type', 'application/json; charset=utf-8');
				res.end(JSON.stringify(body));
			}
			if (this.options.log) console.log(`${method} ${req.url} → ${status} (${record.durationMs} ms)`);
		};

		try {
			const raw = await readRawBody(req);
			record.rawBody = raw.toString('utf8');
			let bodyError: unknown;
			let parsedBody: unknown;
			let files: UploadedFile[] | undefined;
			try {
				if (/^multipart\/form-data\b/i.test(headers['content-type'] ?? '')) {
					// Text fields are the body the spec describes; file parts go to the handler beside it.
					const multipart = parseMultipart(raw, headers['content-type']);
					parsedBody = multipart.fields;
					files = multipart.files;
					record.files = files.map(({ data, ...file }) => ({ ...file, sha256: createHash('sha256').update(data).digest('hex') }));
				} else {
					parsedBody = parseBody(record.rawBody, headers['content-type']);
				}
				record.body = parsedBody;
			} catch (err) {
				bodyError = err;
			}

			const fault = this.faults.take(method, pathname, record.rawBody);
			if (fault?.kind === 'latency') await sleep(fault.ms);
			if (fault?.kind === 'reset') {
				record.durationMs = Date.now() - started;
				req.socket.destroy();
				return;
			}
			if (fault?.kind === 'status') {
				throw new HttpError(fault.status, fault.body ?? { statusCode: fault.status, message: STATUS_TEXT[fault.status] ?? 'Error' });
			}
			if (fault?.kind === 'rate-limit-burst') {
				let bucket: string | undefined;
				try {
					bucket = this.tokens.authenticate(headers['authorization']).bucket;
				} catch {
					bucket = undefined;
				}
				const refusal = this.rateLimiter.forcedRefusal(bucket);
				if (fault.retryAfterSeconds !== undefined) refusal['Retry-After'] = String(fault.retryAfterSeconds);
				throw errors.tooManyRequests(refusal);
			}

			const match = matchRoute(this.bundle.operations, method, pathname);
			if (!match) throw errors.notFoundRoute(method, pathname);
			const { op, params } = match;
			record.operationId = op.operationId;
			record.operationKey = operationKey(op, this.bundle);
			if (bodyError) throw bodyError;
			// A form sends only text: its fields are typed as the operation's body schema says.
			if (files && isPlainObject(parsedBody)) {
				parsedBody = formFields(op, parsedBody as Record<string, string>);
				record.body = parsedBody;
			}

			let principal: Principal | undefined;
			if (op.security !== 'none') {
				principal = this.tokens.authenticate(headers['authorization']);
				const decision = this.rateLimiter.consume(principal.bucket);
				rateHeaders = decision.headers;
				if (!decision.allowed) throw errors.tooManyRequests(decision.headers);
			}
			checkVersionHeader(op, headers);
			if (principal) {
				this.authorize(op, principal);
				this.assertRequestedLocation(principal, [
					params.locationId,
					rawQuery.locationId,
					// The opportunities search names it location_id; altId is a location with altType=location.
					rawQuery.location_id,
					rawQuery.altType === 'location' ? rawQuery.altId : undefined,
					isPlainObject(parsedBody) && op.body ? parsedBody.locationId : undefined,
				]);
			}
			const query = validateQuery(op, rawQuery);
			// The token endpoint validates itself (client credentials may come from Basic auth).
			const body =
				op.operationId === 'get-access-token'
					? isPlainObject(parsedBody)
						? parsedBody
						: {}
					: validateBody(op, parsedBody);
			if (fault?.kind === 'stuck-cursor') {
				for (const key of ['searchAfter', 'page']) if (isPlainObject(body)) delete body[key];
				for (const key of ['startAfterId', 'startAfter', 'skip']) delete query[key];
			}
			const handler = handlerFor(op);
			const host = headers['host'];
			const result = await handler({
				op,
				params,
				query,
				rawQuery,
				body,
				files,
				headers,
				principal,
				state: this.state(host ? `http://${host}` : this.url),
			});
			// The search index learns of a write as it is made (its lag runs from then), answered or not.
			if (method !== 'GET') this.searchIndex?.capture(this.store);
			if (this.options.validateResponses) this.checkResponse(op, method, pathname, result.status, result.body);
			if (fault?.kind === 'status-after') {
				throw new HttpError(fault.status, { statusCode: fault.status, message: STATUS_TEXT[fault.status] ?? 'Error' });
			}
			if (fault?.kind === 'reset-after') {
				record.durationMs = Date.now() - started;
				req.socket.destroy();
				return;
			}
			respond(result.status, result.body, result.headers);
		} catch (err) {
			if (err instanceof HttpError) respond(err.status, err.body, err.headers);
			else {
				console.error('[ghl-sandbox] internal error', err);
				respond(500, { statusCode: 500, message: 'Internal server error' });
			}
		}
	}
}
