import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
	IPollFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';

export type GhlContext =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IPollFunctions
	| IWebhookFunctions
	| IHookFunctions;

/** Which GHL API a path belongs to; each has its own required `Version` header. */
export type GhlApiName = 'contacts' | 'calendars' | 'locations' | 'users';

export const API_VERSIONS: Record<GhlApiName, string> = {
	contacts: '2021-07-28',
	calendars: '2021-04-15',
	locations: '2021-07-28',
	users: '2021-07-28',
};

export interface GhlRequest {
	method: IHttpRequestMethods;
	/** Path below the API base URL, built with `ghlPath` so every dynamic segment is encoded. */
	path: string;
	api?: GhlApiName;
	qs?: IDataObject;
	body?: IDataObject;
	/**
	 * Safe to send twice (GET, PUT and DELETE always are). Lets the transport retry a POST after a 5xx
	 * or a dropped connection, e.g. a search (a read sent as POST), upsert or adding tags.
	 */
	idempotent?: boolean;
	/** Item the request is made for, so errors point at it. */
	itemIndex?: number;
	/**
	 * Longest time this request may spend waiting for 429s and retries, in all. A trigger that must
	 * answer GHL quickly passes 0: one attempt, no waits. Default: REQUEST_WAIT_BUDGET_MS.
	 */
	waitBudgetMs?: number;
}
