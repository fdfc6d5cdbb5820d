import { NodeApiError } from 'n8n-workflow';
import type { IDataObject, INode, JsonObject } from 'n8n-workflow';

/** What a failed HTTP call left behind, whichever layer of n8n wrapped it. */
export interface HttpFailure {
	status?: number;
	headers?: IDataObject;
	body?: unknown;
	/** Network error code such as ECONNRESET when no response arrived. */
	code?: string;
	message: string;
}

const NETWORK_RETRY_CODES = new Set([
	'ECONNRESET',
	'ECONNREFUSED',
	'ETIMEDOUT',
	'ECONNABORTED',
	'EPIPE',
	'EAI_AGAIN',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
]);

/** An error body that arrived as bytes (a binaryResponse request), read as GHL's JSON when it is. */
function jsonIfBytes(body: unknown): unknown {
	if (!Buffer.isBuffer(body) && !(body instanceof ArrayBuffer)) return body;
	const text = Buffer.from(body as Buffer).toString('utf8');
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return text;
	}
}

export function describeFailure(error: unknown): HttpFailure {
	const seen = new Set<unknown>();
	let current = error as IDataObject | undefined;
	let failure: HttpFailure = { message: (error as Error)?.message ?? String(error) };
	// n8n wraps the HTTP client's error (NodeApiError → cause → AxiosError); walk down to the response.
	while (current && typeof current === 'object' && !seen.has(current)) {
		seen.add(current);
		const response = current.response as IDataObject | undefined;
		if (response && typeof response === 'object' && (response.status || response.statusCode)) {
			failure = {
				...failure,
				status: Number(response.status ?? response.statusCode),
				headers: (response.headers as IDataObject) ?? {},
				body: jsonIfBytes(response.data ?? response.body),
			};
			break;
		}
		if (typeof current.code === 'string' && !failure.code) failure.code = current.code;
		current = (current.cause ?? current.reason) as IDataObject | undefined;
	}
	// n8n 1.x drops the HTTP client's error and keeps only the status and body on the NodeApiError.
	const wrapped = error as { httpCode?: string | null; context?: IDataObject };
	if (failure.status === undefined && wrapped?.httpCode && /^\d{3}$/.test(wrapped.httpCode)) {
		failure.status = Number(wrapped.httpCode);
		failure.body = jsonIfBytes(wrapped.context?.data);
	} else if (!failure.code && wrapped?.httpCode && NETWORK_RETRY_CODES.has(wrapped.httpCode)) {
		failure.code = wrapped.httpCode;
	}
	return failure;
}

export function isNetworkFailure(failure: HttpFailure): boolean {
	return failure.status === undefined && !!failure.code && NETWORK_RETRY_CODES.has(failure.code);
}

/** Longest GHL message copied into an error; GHL's 422 lists are short, anything longer is noise. */
const MAX_MESSAGE_LENGTH = 300;

/**
 * GHL's own message, made safe to show: an HTML page (a proxy's or gateway's error page) or other
 * non-JSON text is not copied, control characters and runs of white space are folded, and the
 * result is cut to a readable length.
 */
function ghlMessage(body: unknown): string | undefined {
	let message: string | undefined;
	if (typeof body === 'string') {
		message = /<[a-z!/][^>]*>/i.test(body) ? undefined : body;
	} else if (body && typeof body === 'object') {
		const { message: raw, error, error_description: errorDescription } = body as IDataObject;
		if (Array.isArray(raw)) message = raw.map(String).join('; ');
		else if (typeof raw === 'string' && raw) message = raw;
		else if (typeof errorDescription === 'string') message = errorDescription;
		else if (typeof error === 'string') message = error;
	}
	if (message === undefined) return undefined;
	const folded = message.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim();
	if (!folded) return undefined;
	return folded.length > MAX_MESSAGE_LENGTH ? `${folded.slice(0, MAX_MESSAGE_LENGTH - 1)}…` : folded;
}

/** What the HTTP status says when GHL's body says nothing usable. */
const STATUS_TEXT: Record<number, string> = {
	400: 'Bad Request',
	401: 'Unauthorized',
	403: 'Forbidden',
	404: 'Not Found',
	422: 'Unprocessable Entity',
	429: 'Too Many Requests',
	500: 'Internal Server Error',
	502: 'Bad Gateway',
	503: 'Service Unavailable',
	504: 'Gateway Timeout',
};

const HINTS: Record<number, string> = {
	401: 'Check the credential: the token may be revoked, expired, or missing the scope this operation needs.',
	403: 'The token has no access to this location or resource.',
	404: 'The record or path does not exist in this location.',
	422: 'GHL refused the data sent; the message names the fields.',
	429: 'GHL rate limit reached.',
};

/**
 * The error a user sees: GHL's status, GHL's own message and its trace id. Never a header or token.
 * `hint` replaces the status's usual hint when the caller knows more (e.g. how often it retried).
 */
export function toNodeApiError(node: INode, failure: HttpFailure, itemIndex?: number, hint?: string): NodeApiError {
	const status = failure.status;
	const body = (failure.body && typeof failure.body === 'object' ? failure.body : {}) as IDataObject;
	const traceId =
		(body.traceId as string | undefined) ??
		(failure.headers?.['x-trace-id'] as string | undefined) ??
		(failure.headers?.traceid as string | undefined);
	const detail = ghlMessage(failure.body) ?? (status ? (STATUS_TEXT[status] ?? 'Error') : failure.message);
	const message = status ? `GHL API error ${status}: ${detail}` : `GHL request failed: ${detail}`;
	const description = [hint ?? (status ? HINTS[status] : undefined), traceId ? `GHL traceId: ${traceId}` : undefined]
		.filter(Boolean)
		.join(' ');
	const safeBody: JsonObject = {
		statusCode: status ?? null,
		message: detail,
		...(traceId ? { traceId } : {}),
	};
	return new NodeApiError(node, safeBody, {
		message,
		description: description || undefined,
		httpCode: status ? String(status) : undefined,
		itemIndex,
	});
}
