import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';
import { GHL_ID_DESCRIPTION, isGhlId } from '../shared/ghlId';
import { forSubAccount, getLocationId, ghlApiRequest, ghlPath, usesAgency } from '../shared/transport';
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
 * types outside contacts, notes, tasks and appointments are not fetched. The IDs come from the
 * payload, so they are checked like any other input before they become part of a path.
 */
export function recordSource(view: EventView): RecordSource | undefined {
	const { event, ids } = view;
	if (event.endsWith('Delete')) return undefined;
	const id = (name: string): string | undefined => {
		const value = ids[name];
		if (value === undefined) return undefined;
		if (!isGhlId(value)) throw new Error(`The event's ${name} is not ${GHL_ID_DESCRIPTION}: nothing was read`);
		return value;
	};
	if (event.startsWith('Contact')) {
		const contactId = id('contactId');
		return contactId ? { request: { method: 'GET', path: ghlPath`/contacts/${contactId}` }, unwrap: 'contact' } : undefined;
	}
	if (event.startsWith('Note')) {
		const [contactId, noteId] = [id('contactId'), id('noteId')];
		return contactId && noteId
			? { request: { method: 'GET', path: ghlPath`/contacts/${contactId}/notes/${noteId}` }, unwrap: 'note' }
			: undefined;
	}
	if (event.startsWith('Task')) {
		const [contactId, taskId] = [id('contactId'), id('taskId')];
		return contactId && taskId
			? { request: { method: 'GET', path: ghlPath`/contacts/${contactId}/tasks/${taskId}` }, unwrap: 'task' }
			: undefined;
	}
	if (event.startsWith('Appointment')) {
		const appointmentId = id('appointmentId');
		return appointmentId
			? {
					request: { method: 'GET', path: ghlPath`/calendars/events/appointments/${appointmentId}`, api: 'calendars' },
					unwrap: 'event',
				}
			: undefined;
	}
	return undefined;
}

/**
 * Reads the record an event is about through the package transport (credentials, Version header,
 * rate limit); undefined when there is nothing to read. Tokens are per location: an event of
 * another location than the credential's is not fetched. One attempt and no 429 waits: GHL waits
 * for the webhook's answer, so a failed read is recorded on the item instead of delaying the run.
 */
export async function fetchFullRecord(this: IWebhookFunctions, view: EventView): Promise<IDataObject | undefined> {
	const source = recordSource(view);
	if (!source) return undefined;
	if (usesAgency(this)) {
		// An agency credential reads in the event's own sub-account (its token minted and cached as for any item).
		if (!view.locationId) return undefined;
		const response = await ghlApiRequest.call(forSubAccount(this, view.locationId), { ...source.request, waitBudgetMs: 0 });
		const record = response[source.unwrap];
		return record && typeof record === 'object' && !Array.isArray(record) ? (record as IDataObject) : response;
	}
	const credentialLocation = await getLocationId(this);
	if (view.locationId && view.locationId !== credentialLocation) {
		throw new NodeOperationError(
			this.getNode(),
			`The credential belongs to location ${credentialLocation}; this event is from location ${view.locationId}`,
		);
	}
	const response = await ghlApiRequest.call(this, { ...source.request, waitBudgetMs: 0 });
	const record = response[source.unwrap];
	return record && typeof record === 'object' && !Array.isArray(record) ? (record as IDataObject) : response;
}
