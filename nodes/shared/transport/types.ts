import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
	IPollFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';
import type { MultipartBody } from './multipart';

export type GhlContext =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IPollFunctions
	| IWebhookFunctions
	| IHookFunctions;

/** Which GHL API (spec file) a path belongs to; each has its own required `Version` header. */
export type GhlApiName =
	| 'contacts'
	| 'calendars'
	| 'locations'
	| 'users'
	| 'opportunities'
	| 'conversations'
	| 'custom-fields'
	| 'businesses'
	| 'associations'
	| 'objects'
	| 'forms'
	| 'surveys'
	| 'campaigns'
	| 'workflows'
	| 'oauth';

export const API_VERSIONS: Record<GhlApiName, string> = {
	contacts: '2021-07-28',
	calendars: '2021-04-15',
	locations: '2021-07-28',
	users: '2021-07-28',
	opportunities: '2021-07-28',
	conversations: '2021-04-15',
	'custom-fields': '2021-07-28',
	businesses: '2021-07-28',
	associations: '2021-07-28',
	objects: '2021-07-28',
	forms: '2021-07-28',
	surveys: '2021-07-28',
	campaigns: '2021-07-28',
	workflows: '2021-07-28',
	oauth: '2021-07-28',
};

/** A GHL endpoint as its OpenAPI file declares it; an operation file's `meta.endpoint`. */
export interface GhlEndpoint {
	method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
	/** Path template exactly as in GHL's OpenAPI file, e.g. `/contacts/{contactId}/tasks/{taskId}`. */
	path: string;
	/** operationId in GHL's OpenAPI file. */
	operationId: string;
	/** Which GHL API (and so which Version header). */
	api: GhlApiName;
	/** Scopes the token needs, as GHL's spec declares them. */
	scopes: string[];
	/** Sent with the agency (Company) token itself: GHL's spec allows only Agency-Access here. */
	agency?: true;
	/** GHL's spec declares no Version header here; the API's is sent anyway (GHL's own SDK does the same). */
	versionless?: true;
}

export interface GhlRequest {
	method: IHttpRequestMethods;
	/** Path below the API base URL, built with `ghlPath` so every dynamic segment is encoded. */
	path: string;
	api?: GhlApiName;
	qs?: IDataObject;
	body?: IDataObject;
	/** A multipart/form-data body (file uploads), sent instead of `body`. */
	multipart?: MultipartBody;
	/** Send `body` as application/x-www-form-urlencoded (GHL's OAuth endpoints). */
	form?: boolean;
	/** Made with the agency (Company) token itself, not for a sub-account (agency credential only). */
	agency?: boolean;
	/** The answer is a file (a call recording): downloadEndpoint returns it as a GhlFile. */
	binaryResponse?: boolean;
	/**
	 * Safe to send twice (GET, PUT and DELETE always are). Lets the transport retry a POST after a 5xx
	 * or a dropped connection, e.g. a search (a read sent as POST), upsert or adding tags.
	 */
	idempotent?: boolean;
	/** Item the request is made for, so errors point at it. */
	itemIndex?: number;
	/**
	 * For a write that is not safe to repeat (a create): looks in GHL for the record this write
	 * would have made, so a write that failed in transit is neither lost nor written twice. Called
	 * with the time the failed attempt was sent; returns GHL's answer as the write would have (the
	 * record found), `undefined` when the record is certainly not there (the write is sent again),
	 * or throws when it cannot tell (the item fails saying the record may have been written).
	 */
	findWritten?: (attemptSentAt: number) => Promise<IDataObject | undefined>;
	/**
	 * Longest time this request may spend waiting for 429s and retries, in all. A trigger that must
	 * answer GHL quickly passes 0: one attempt, no waits. Default: REQUEST_WAIT_BUDGET_MS.
	 */
	waitBudgetMs?: number;
}

/** A file GHL answered with (binaryResponse requests). */
export interface GhlFile {
	data: Buffer;
	mimeType: string;
	/** From Content-Disposition when GHL names the file. */
	fileName?: string;
}
