import type { IncomingMessage } from 'http';

/** An error answered as-is: `body` is the exact JSON GHL would send. */
export class HttpError extends Error {
	constructor(
		public readonly status: number,
		public readonly body: unknown,
		public readonly headers: Record<string, string> = {},
	) {
		super(typeof body === 'object' && body && 'message' in body ? String((body as { message: unknown }).message) : `HTTP ${status}`);
	}
}

// Error bodies, shaped like GHL's (NestJS) answers; see research §6 and common-schemas.json.
export const errors = {
	badRequest: (message: string, extra: Record<string, unknown> = {}) =>
		new HttpError(400, { statusCode: 400, message, ...extra }),
	unprocessable: (messages: string[]) =>
		new HttpError(422, { statusCode: 422, message: messages, error: 'Unprocessable Entity' }),
	invalidToken: () =>
		new HttpError(401, { statusCode: 401, message: 'Invalid token: access token is invalid', error: 'Unauthorized' }),
	scope: () =>
		new HttpError(401, { statusCode: 401, message: 'The token is not authorized for this scope.', error: 'Unauthorized' }),
	versionMissing: () => new HttpError(401, { statusCode: 401, message: 'version header was not found.' }),
	versionInvalid: () => new HttpError(401, { statusCode: 401, message: 'version header is invalid' }),
	forbiddenLocation: () =>
		new HttpError(403, {
			statusCode: 403,
			message: 'The token does not have access to this location.',
			error: 'Forbidden',
		}),
	/** A record that is not there (generic routes; GHL's contact routes answer 400 instead). */
	notFound: (message: string) => new HttpError(404, { statusCode: 404, message, error: 'Not Found' }),
	notFoundRoute: (method: string, path: string) =>
		new HttpError(404, { statusCode: 404, message: `Cannot ${method} ${path}`, error: 'Not Found' }),
	tooManyRequests: (headers: Record<string, string>) =>
		new HttpError(429, { statusCode: 429, message: 'Too Many Requests' }, headers),
	notImplemented: (operationId: string) =>
		new HttpError(501, {
			statusCode: 501,
			message: `Operation ${operationId} is in the GHL spec but not emulated by the sandbox`,
		}),
	oauth: (status: number, error: string, description: string) =>
		new HttpError(status, { error, error_description: description }),
};

export const MAX_BODY_BYTES = 5 * 1024 * 1024;

export function readRawBody(req: IncomingMessage): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > MAX_BODY_BYTES) {
				reject(new HttpError(413, { statusCode: 413, message: 'request entity too large', error: 'Payload Too Large' }));
				req.destroy();
				return;
			}
			chunks.push(chunk);
		});
		req.on('end', () => resolve(Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

/**
 * Parse a body like NestJS/Express does: JSON for application/json, form fields for
 * application/x-www-form-urlencoded, nothing otherwise. Invalid JSON is a 400.
 */
export function parseBody(raw: string, contentType: string | undefined): unknown {
	if (raw.length === 0) return undefined;
	const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
	if (type === 'application/json' || type.endsWith('+json')) {
		try {
			return JSON.parse(raw);
		} catch (err) {
			throw new HttpError(400, { statusCode: 400, message: (err as Error).message, error: 'Bad Request' });
		}
	}
	if (type === 'application/x-www-form-urlencoded') {
		const out: Record<string, string> = {};
		for (const [key, value] of new URLSearchParams(raw)) out[key] = value;
		return out;
	}
	return undefined;
}

/** One file part of a multipart/form-data body, as a multer-based server (GHL's NestJS) reads it. */
export interface UploadedFile {
	fieldname: string;
	originalname: string;
	mimetype: string;
	size: number;
	data: Buffer;
}

/**
 * A multipart/form-data body (RFC 7578): its text fields, and its file parts (those with a
 * filename). A body that is not well-formed multipart is a 400, as multer answers it.
 */
export function parseMultipart(raw: Buffer, contentType: string | undefined): { fields: Record<string, string>; files: UploadedFile[] } {
	const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType ?? '');
	const malformed = () => new HttpError(400, { statusCode: 400, message: 'Multipart: Boundary not found', error: 'Bad Request' });
	if (!boundary) throw malformed();
	const delimiter = Buffer.from(`--${(boundary[1] ?? boundary[2]).trim()}`);
	const fields: Record<string, string> = {};
	const files: UploadedFile[] = [];
	let start = raw.indexOf(delimiter);
	if (start < 0) throw malformed();
	for (;;) {
		const partStart = start + delimiter.length;
		if (raw.subarray(partStart, partStart + 2).toString() === '--') break;
		const next = raw.indexOf(delimiter, partStart);
		if (next < 0) throw malformed();
		// Each part: CRLF, headers, CRLF CRLF, content, CRLF before the next delimiter.
		const part = raw.subarray(partStart + 2, next - 2);
		const headerEnd = part.indexOf('\r\n\r\n');
		if (headerEnd < 0) throw malformed();
		const headers = part.subarray(0, headerEnd).toString('utf8');
		const content = part.subarray(headerEnd + 4);
		const disposition = /content-disposition:[^\r\n]*/i.exec(headers)?.[0] ?? '';
		const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
		const filename = /\bfilename="([^"]*)"/i.exec(disposition)?.[1];
		if (name === undefined) throw malformed();
		if (filename !== undefined) {
			const mimetype = /content-type:\s*([^\r\n;]+)/i.exec(headers)?.[1]?.trim() ?? 'application/octet-stream';
			files.push({ fieldname: name, originalname: filename, mimetype, size: content.length, data: Buffer.from(content) });
		} else {
			fields[name] = content.toString('utf8');
		}
		start = next;
	}
	return { fields, files };
}

export function queryToObject(params: URLSearchParams): Record<string, string | string[]> {
	const out: Record<string, string | string[]> = {};
	for (const [rawKey, value] of params) {
		// `ids[]=a&ids[]=b` (axios's default, so GHL's own SDK) is a list, as Express's query parser (GHL runs NestJS) reads it.
		const bracketed = rawKey.endsWith('[]');
		const key = bracketed ? rawKey.slice(0, -2) : rawKey;
		const existing = out[key];
		if (existing === undefined) out[key] = bracketed ? [value] : value;
		else out[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
	}
	return out;
}

export function headersToObject(req: IncomingMessage): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [key, value] of Object.entries(req.headers)) {
		if (value === undefined) continue;
		out[key.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
	}
	return out;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
