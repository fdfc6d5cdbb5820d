import type { Principal, TokenRegistry } from '../auth';
import type { UploadedFile } from '../http';
import type { OperationSpec } from '../openapi';
import type { SearchIndex } from '../searchIndex';
import type { Store } from '../store';
import type { DemoIdentities } from '../types';
import type { WebhookHub } from '../webhooks';

/** Everything a route handler may touch. */
export interface SandboxState {
	store: Store;
	tokens: TokenRegistry;
	webhooks: WebhookHub;
	demo: DemoIdentities;
	/** Base URL the client used (for `meta.nextPageUrl`). */
	baseUrl: string;
	/** Set when the search lags writes (`searchIndexLagMs`). */
	searchIndex?: SearchIndex;
}

export interface HandlerContext {
	op: OperationSpec;
	params: Record<string, string>;
	/** Query coerced to the spec's types. */
	query: Record<string, unknown>;
	/** Query exactly as received (for routes without declared query parameters). */
	rawQuery: Record<string, string | string[]>;
	/** Body validated against the spec (`{}` when absent). */
	body: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
	/** A multipart body's file parts (upload routes). */
	files?: UploadedFile[];
	headers: Record<string, string>;
	/** undefined only on routes without security (OAuth token / authorize). */
	principal?: Principal;
	state: SandboxState;
}

export interface HandlerResult {
	status: number;
	body?: unknown;
	headers?: Record<string, string>;
}

export type Handler = (ctx: HandlerContext) => HandlerResult | Promise<HandlerResult>;
