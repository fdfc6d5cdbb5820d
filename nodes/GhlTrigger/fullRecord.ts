import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';
import { getLocationId, ghlApiRequest, ghlPath } from '../shared/transport';
import type { GhlRequest } from '../shared/transport';
import type { EventView } from './events';

interface RecordSource {
	request: GhlRequest;
	/** Key of the record in GHL's answer. */
	unwrap: string;
}

/**
 * Where the current state of the record an event is about can be read. Webhook payloads are
 * partial (e.g. ContactUpdate carries only some fields); deleted records cannot be read, and event
 * types outside contacts, notes, tasks and appointments are not fetched.
 */
export function recordSource(view: EventView): RecordSource | undefined {
	const { event, ids } = view;
	if (event.endsWith('Delete')) return undefined;
	const id = (name: string) => (typeof ids[name] === 'string' ? (ids[name] as string) : undefined);
	const contactId = id('contactId');
	if (event.startsWith('Contact') && contactId) {
		return { request: { method: 'GET', path: ghlPath`/contacts/${contactId}` }, unwrap: 'contact' };
	}
	const noteId = id('noteId');
	if (event.startsWith('Note') && noteId && contactId) {
		return { request: { method: 'GET', path: ghlPath`/contacts/${contactId}/notes/${noteId}` }, unwrap: 'note' };
	}
	const taskId = id('taskId');
	if (event.startsWith('Task') && taskId && contactId) {
		return { request: { method: 'GET', path: ghlPath`/contacts/${contactId}/tasks/${taskId}` }, unwrap: 'task' };
	}
	const appointmentId = id('appointmentId');
	if (event.startsWith('Appointment') && appointmentId) {
		return {
			request: { method: 'GET', path: ghlPath`/calendars/events/appointments/${appointmentId}`, api: 'calendars' },
			unwrap: 'event',
		};
	}
	return undefined;
}

/**
 * Reads the record through the package transport (credentials, Version header, rate limit, retries).
 * Tokens are per location: an event of another location than the credential's is not fetched.
 */
export async function fetchFullRecord(
	this: IWebhookFunctions,
	view: EventView,
	source: RecordSource,
): Promise<IDataObject> {
	const credentialLocation = await getLocationId(this);
	if (view.locationId && view.locationId !== credentialLocation) {
		throw new NodeOperationError(
			this.getNode(),
			`The credential belongs to location ${credentialLocation}; this event is from location ${view.locationId}`,
		);
	}
	const response = await ghlApiRequest.call(this, source.request);
	const record = response[source.unwrap];
	return record && typeof record === 'object' && !Array.isArray(record) ? (record as IDataObject) : response;
}
