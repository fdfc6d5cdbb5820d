import type { IDataObject } from 'n8n-workflow';
import { ghlApiRequest } from './request';
import type { GhlContext, GhlEndpoint, GhlFile, GhlRequest } from './types';

/** What an operation adds to its endpoint for one call: the path's IDs, the query and the body. */
export interface EndpointCall extends Omit<GhlRequest, 'method' | 'path' | 'api'> {
	/** Values for the `{name}` placeholders of the endpoint's path template. */
	pathParams?: Record<string, string | number>;
}

/**
 * Fills a path template as GHL's spec writes it (`/contacts/{contactId}/tasks/{taskId}`) with
 * URL-encoded values. Empty, `.` and `..` values are refused (as ghlPath does): they would send
 * the request to another endpoint once the URL is normalised.
 */
export function fillPath(template: string, pathParams: Record<string, string | number> = {}): string {
	return template.replace(/\{([^}]+)\}/g, (_placeholder, name: string) => {
		const value = pathParams[name];
		if (value === undefined) throw new Error(`Refused to build the GHL path ${template}: no value for {${name}}`);
		const text = String(value);
		if (text === '' || text === '.' || text === '..') {
			throw new Error(`Refused to build the GHL path ${template}: {${name}} is ${text === '' ? 'empty' : `"${text}"`}`);
		}
		return encodeURIComponent(text);
	});
}

/** The request for an endpoint: its method, filled path and API (so its Version header). */
export function endpointRequest(endpoint: GhlEndpoint, call: EndpointCall = {}): GhlRequest {
	const { pathParams, ...rest } = call;
	return {
		...rest,
		method: endpoint.method,
		path: fillPath(endpoint.path, pathParams),
		api: endpoint.api,
		...(endpoint.agency ? { agency: true } : {}),
	};
}

/** Calls an endpoint through the transport: callEndpoint.call(this, meta.endpoint, { pathParams, qs, body, itemIndex }). */
export async function callEndpoint(this: GhlContext, endpoint: GhlEndpoint, call: EndpointCall = {}): Promise<IDataObject> {
	return await ghlApiRequest.call(this, endpointRequest(endpoint, call));
}

/** Calls an endpoint that answers with a file (a call recording): the file's bytes, type and name. */
export async function downloadEndpoint(this: GhlContext, endpoint: GhlEndpoint, call: EndpointCall = {}): Promise<GhlFile> {
	return (await ghlApiRequest.call(this, endpointRequest(endpoint, { ...call, binaryResponse: true }))) as unknown as GhlFile;
}
