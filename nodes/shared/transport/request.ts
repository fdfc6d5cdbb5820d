import { NodeApiError, sleep } from 'n8n-workflow';
import type { IDataObject, IHttpRequestOptions, IN8nHttpFullResponse } from 'n8n-workflow';
import { locationTokenFor, sendAuthenticated } from './agency';
import { getAgencyConnection, getConnection } from './connection';
import { encodeMultipart } from './multipart';
import { describeFailure, isNetworkFailure, toNodeApiError } from './errors';
import type { HttpFailure } from './errors';
import { rateLimiter } from './rateLimiter';
import { API_VERSIONS } from './types';
import type { GhlContext, GhlFile, GhlRequest } from './types';
import { writeCheckFor } from './writeChecks';
import type { ReadGhl } from './writeChecks';

/** 429s waited out per request before it fails (each wait: Retry-After, else one burst interval). */
const MAX_RATE_LIMIT_RETRIES = 12;
/** Retries of a 5xx or dropped connection, for requests that are safe to repeat. */
const MAX_TRANSIENT_RETRIES = 3;
const TRANSIENT_BACKOFF_MS = 500;
const REQUEST_TIMEOUT_MS = 60_000;
/** Longest single wait for a 429 (GHL's Retry-After can say a day). */
export const MAX_SINGLE_WAIT_MS = 60_000;
/** Longest time one request spends waiting for 429s and retries in all. */
export const REQUEST_WAIT_BUDGET_MS = 5 * 60_000;

/**
 * Builds a path whose dynamic segments are URL-encoded: ghlPath`/contacts/${id}/notes`. Empty, `.`
 * and `..` segments are refused: encoding leaves them as they are, and they would send the request
 * to another endpoint (`/contacts/${''}` is the contact list, `/contacts/${c}/tasks/${'..'}` is
 * the contact itself once the URL is normalised).
 */
export function ghlPath(strings: TemplateStringsArray, ...segments: Array<string | number>): string {
	for (const segment of segments) {
		const text = String(segment);
		if (text === '' || text === '.' || text === '..') {
			throw new Error(`Refused to build the GHL path ${strings.join('{…}')}: a path segment is ${text === '' ? 'empty' : `"${text}"`}`);
		}
	}
	return strings.reduce(
		(path, part, index) =>
			path + part + (index < segments.length ? encodeURIComponent(String(segments[index])) : ''),
		'',
	);
}

/** A body as application/x-www-form-urlencoded (GHL's OAuth endpoints take no JSON). */
function formBody(body: IDataObject): string {
	return new URLSearchParams(Object.entries(body).map(([key, value]): [string, string] => [key, String(value)])).toString();
}

function isRepeatable(request: GhlRequest): boolean {
	return request.method !== 'POST' && request.method !== 'PATCH' ? true : request.idempotent === true;
}

/** GHL answers a missing record with 404, or with 400 "… not found" on most contact routes. */
function isNotFound(failure: HttpFailure): boolean {
	if (failure.status === 404) return true;
	const message = (failure.body as { message?: unknown } | undefined)?.message;
	return failure.status === 400 && typeof message === 'string' && /not found/i.test(message);
}

function isTransient(status: number | undefined): boolean {
	return status === 500 || status === 502 || status === 503 || status === 504;
}

function dailyLimitError(ctx: GhlContext, dailyLimit: number | undefined, itemIndex: number | undefined): NodeApiError {
	const item = itemIndex === undefined ? 'The request' : `Item ${itemIndex}`;
	return new NodeApiError(
		ctx.getNode(),
		{ statusCode: 429, message: 'Daily API limit reached' },
		{
			message: `GHL API error 429: the daily limit of ${dailyLimit ?? 200000} requests for this location is spent`,
			description: `GHL counts requests per app and location per day. ${item} was not sent (nothing of it was written), nor will later items be; run them again after the daily limit resets.`,
			httpCode: '429',
			itemIndex,
		},
	);
}

/** The transport's own check for a create GHL offers no idempotency for (writeChecks.ts), if it has one. */
function defaultWriteCheck(ctx: GhlContext, request: GhlRequest): GhlRequest['findWritten'] {
	const check = writeCheckFor(request);
	if (!check) return undefined;
	const read: ReadGhl = async (path, qs) =>
		await ghlApiRequest.call(ctx, { method: 'GET', path, qs, itemIndex: request.itemIndex, waitBudgetMs: request.waitBudgetMs });
	return async (attemptSentAt) => await check(read, attemptSentAt);
}

/**
 * Whether a write that failed in transit was applied, asked of GHL with the request's own check.
 * A check that fails, or cannot tell, fails the item saying the record may have been written.
 */
async function lookForWrite(
	ctx: GhlContext,
	request: GhlRequest,
	findWritten: NonNullable<GhlRequest['findWritten']>,
	failure: HttpFailure,
	attemptSentAt: number,
): Promise<IDataObject | undefined> {
	try {
		return await findWritten(attemptSentAt);
	} catch (checkError) {
		throw toNodeApiError(
			ctx.getNode(),
			failure,
			request.itemIndex,
			`GHL may have saved this write before the failure, and looking for it in GHL did not tell (${String(
				(checkError as Error).message,
			)}), so it was not sent again (a repeat could create a duplicate). Check GHL for the record before running the item again.`,
		);
	}
}

/** The file of a binaryResponse answer, named as GHL's Content-Disposition names it. */
function toGhlFile(response: IN8nHttpFullResponse): GhlFile {
	const headers = (response.headers ?? {}) as IDataObject;
	const disposition = String(headers['content-disposition'] ?? '');
	const fileName = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition)?.[1];
	return {
		data: Buffer.isBuffer(response.body) ? response.body : Buffer.from(response.body as ArrayBuffer),
		mimeType: String(headers['content-type'] ?? 'application/octet-stream').split(';')[0].trim(),
		...(fileName ? { fileName: decodeURIComponent(fileName) } : {}),
	};
}

/**
 * The one way this package talks to GHL: auth through n8n's credential helpers (OAuth2 refresh
 * included), the API's Version header, pacing under the rate limit, 429s waited out, safe retries,
 * and GHL's errors turned into NodeApiErrors.
 */
export async function ghlApiRequest(this: GhlContext, request: GhlRequest): Promise<IDataObject> {
	const connection = request.agency ? await getAgencyConnection(this) : await getConnection(this);
	const { baseUrl, locationId } = connection;
	// GHL's limits are per app and per resource: the sub-account, or the agency for its own token.
	const limiterKey = `${baseUrl}|${locationId || `company:${connection.agency?.companyId ?? ''}`}`;
	// n8n's HTTP helper drops an empty object body, but several GHL endpoints require a body even
	// when its schema is empty (campaign add, workflow add/remove): send those as literal JSON.
	const emptyBody = request.body !== undefined && Object.keys(request.body).length === 0;
	const multipart = request.multipart ? encodeMultipart(request.multipart) : undefined;
	const options: IHttpRequestOptions = {
		method: request.method,
		url: `${baseUrl}${request.path}`,
		headers: {
			Accept: request.binaryResponse ? '*/*' : 'application/json',
			Version: API_VERSIONS[request.api ?? 'contacts'],
			...(emptyBody ? { 'Content-Type': 'application/json' } : {}),
			...(multipart ? { 'Content-Type': multipart.contentType } : {}),
			...(request.form ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}),
		},
		qs: request.qs,
		// An array query parameter (free slots' userIds) is its key repeated: OpenAPI's default for query arrays (form, explode).
		arrayFormat: 'repeat',
		body: multipart ? multipart.data : request.form ? formBody(request.body ?? {}) : emptyBody ? '{}' : request.body,
		json: !request.binaryResponse,
		...(request.binaryResponse ? { encoding: 'arraybuffer' as const } : {}),
		returnFullResponse: true,
		timeout: REQUEST_TIMEOUT_MS,
	};

	let rateLimitRetries = 0;
	let transientRetries = 0;
	const waitBudgetMs = request.waitBudgetMs ?? REQUEST_WAIT_BUDGET_MS;
	let waitedMs = 0;
	/** Whether a wait of `ms` still fits this request's caps; if it does, it is counted. */
	const mayWait = (ms: number) => {
		if (ms > MAX_SINGLE_WAIT_MS || waitedMs + ms > waitBudgetMs) return false;
		waitedMs += ms;
		return true;
	};
	const sendAsAgency = async (mintRequest: GhlRequest) =>
		await ghlApiRequest.call(this, { ...mintRequest, agency: true, waitBudgetMs: request.waitBudgetMs });
	let locationTokenRefused: string | undefined;
	for (;;) {
		// Agency credential: this sub-account's token (minted once, cached); a failed mint fails the item.
		const locationToken = await locationTokenFor(this, connection, sendAsAgency, request.itemIndex, locationTokenRefused);
		const booked = await rateLimiter.acquire(limiterKey);
		const attemptSentAt = Date.now();
		try {
			// n8n's OAuth2 helper signs the options it is given; hand it a fresh copy each attempt.
			const response = await sendAuthenticated(this, connection, { ...options, headers: { ...options.headers } }, locationToken);
			rateLimiter.observe(limiterKey, response.headers as IDataObject, booked);
			// A file answer (binaryResponse): downloadEndpoint hands it on as a GhlFile.
			if (request.binaryResponse) return toGhlFile(response) as unknown as IDataObject;
			return (response.body ?? {}) as IDataObject;
		} catch (error) {
			const failure = describeFailure(error);
			if (failure.status === 401 && locationToken !== undefined && !locationTokenRefused) {
				// A sub-account token GHL refuses (expired early, revoked): minted again, once.
				locationTokenRefused = locationToken;
				continue;
			}
			const limits = rateLimiter.observe(limiterKey, failure.headers, booked);
			if (failure.status === 429) {
				if (rateLimiter.dailyLimitSpent(limiterKey, limits)) {
					throw dailyLimitError(this, limits.dailyLimit, request.itemIndex);
				}
				const delay = rateLimiter.delayAfter429(limiterKey, limits);
				if (rateLimitRetries < MAX_RATE_LIMIT_RETRIES && !mayWait(delay)) {
					const retryAt = new Date(Date.now() + delay).toISOString();
					throw toNodeApiError(
						this.getNode(),
						failure,
						request.itemIndex,
						`GHL rate limit reached and GHL asks to wait ${Math.ceil(delay / 1000)} s, longer than this node waits (${Math.round(
							Math.min(MAX_SINGLE_WAIT_MS, waitBudgetMs) / 1000,
						)} s for one wait, ${Math.round(waitBudgetMs / 1000)} s in all). The item was not sent; run it again after ${retryAt}.`,
					);
				}
				if (rateLimitRetries++ < MAX_RATE_LIMIT_RETRIES) {
					await sleep(delay);
					continue;
				}
				throw toNodeApiError(
					this.getNode(),
					failure,
					request.itemIndex,
					`GHL rate limit reached: still refused after ${MAX_RATE_LIMIT_RETRIES} waits. Other workflows or workers may be using this location's limit; run the item again later.`,
				);
			}
			const transient = isTransient(failure.status) || isNetworkFailure(failure);
			const backoff = TRANSIENT_BACKOFF_MS * 2 ** transientRetries;
			if (transient && isRepeatable(request) && transientRetries < MAX_TRANSIENT_RETRIES && mayWait(backoff)) {
				transientRetries++;
				await sleep(backoff);
				continue;
			}
			if (request.method === 'DELETE' && transientRetries > 0 && isNotFound(failure)) {
				// The attempt that failed in transit deleted the record: what was asked is done.
				return { succeeded: true };
			}
			const findWritten = transient && !isRepeatable(request) ? (request.findWritten ?? defaultWriteCheck(this, request)) : undefined;
			if (findWritten) {
				// A create that failed in transit may still have been applied: GHL is asked first, and
				// the write is sent again only when the record is certainly not there.
				const found = await lookForWrite(this, request, findWritten, failure, attemptSentAt);
				if (found) return found;
				if (transientRetries < MAX_TRANSIENT_RETRIES && mayWait(backoff)) {
					transientRetries++;
					await sleep(backoff);
					continue;
				}
				throw toNodeApiError(
					this.getNode(),
					failure,
					request.itemIndex,
					`GHL failed this write ${transientRetries + 1} times and it was not saved (GHL was checked after each failure). Run the item again later.`,
				);
			}
			if (transient && !isRepeatable(request)) {
				// A write that failed in transit may still have been applied, and nothing can tell:
				// repeating it could write the record twice, so it is not repeated and the user is told.
				throw toNodeApiError(
					this.getNode(),
					failure,
					request.itemIndex,
					'GHL may have saved this write before the failure, so it was not sent again (a repeat could create a duplicate). Check GHL for the record before running the item again.',
				);
			}
			throw toNodeApiError(this.getNode(), failure, request.itemIndex);
		}
	}
}
