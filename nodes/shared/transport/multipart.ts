import { randomBytes } from 'crypto';

/** A file part of a multipart/form-data body. */
export interface MultipartFile {
	/** The part's name (GHL's custom-field upload takes any name and answers each file's URL under it). */
	name: string;
	fileName: string;
	mimeType: string;
	data: Buffer;
}

/** A multipart/form-data body: text fields, then files. */
export interface MultipartBody {
	fields: Record<string, string>;
	files: MultipartFile[];
}

/** Quotes a name for a Content-Disposition header: `"` and line breaks would end the header. */
function quoted(text: string): string {
	return `"${text.replace(/[\r\n]/g, ' ').replace(/"/g, '%22')}"`;
}

/**
 * Encodes a multipart/form-data body (RFC 7578) as bytes with its Content-Type. Built here rather
 * than with a FormData object so the bytes sent are the same on every n8n version (n8n's HTTP
 * helper passes a Buffer through as it is) and a retry can send them again.
 */
export function encodeMultipart(body: MultipartBody): { contentType: string; data: Buffer } {
	const boundary = `----n8n-ghl-${randomBytes(12).toString('hex')}`;
	const parts: Buffer[] = [];
	for (const [name, value] of Object.entries(body.fields)) {
		parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name=${quoted(name)}\r\n\r\n${value}\r\n`, 'utf8'));
	}
	for (const file of body.files) {
		parts.push(
			Buffer.from(
				`--${boundary}\r\nContent-Disposition: form-data; name=${quoted(file.name)}; filename=${quoted(file.fileName)}\r\nContent-Type: ${file.mimeType.replace(/[\r\n]/g, '')}\r\n\r\n`,
				'utf8',
			),
			file.data,
			Buffer.from('\r\n', 'utf8'),
		);
	}
	parts.push(Buffer.from(`--${boundary}--\r\n`, 'utf8'));
	return { contentType: `multipart/form-data; boundary=${boundary}`, data: Buffer.concat(parts) };
}
