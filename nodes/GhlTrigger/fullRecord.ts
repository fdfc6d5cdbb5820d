import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';
import { meta as getAppointment } from '../Ghl/actions/appointment/get.operation';
import { meta as getContact } from '../Ghl/actions/contact/get.operation';
import { meta as getLocation } from '../Ghl/actions/location/get.operation';
import { meta as getNote } from '../Ghl/actions/note/get.operation';
import { meta as getObjectRecord } from '../Ghl/actions/objectRecord/get.operation';
import { meta as getOpportunity } from '../Ghl/actions/opportunity/get.operation';
import { meta as getTask } from '../Ghl/actions/task/get.operation';
import { meta as getUser } from '../Ghl/actions/user/get.operation';
import { GHL_ID_DESCRIPTION, isGhlId } from '../shared/ghlId';
import { endpointRequest, forSubAccount, getLocationId, ghlApiRequest, usesAgency } from '../shared/transport';
import type { GhlEndpoint } from '../shared/transport';
import type { EventView } from './events';

export interface RecordSource {
	/** The read endpoint (an operation's own, so its scopes are the operation's). */
	endpoint: GhlEndpoint;
	pathParams: Record<string, string>;
	/** Key of the record in GHL's answer; undefined when the answer is the record itself. */
	unwrap?: string;
	/** What the record is, for messages ("opportunity abc"). */
	what: string;
	/** The sub-account the record is read in, when the event names it otherwise (location events: the location itself). */
	locationId?: string;
}

/**
 * Where the current state of the record an event is about can be read. Webhook payloads are
 * partial (e.g. ContactUpdate carries only some fields); deleted records cannot be read, and event
 * types outside contacts, notes, tasks, appointments, opportunities, users, locations and custom object records are not
 * fetched. The IDs come from the payload, so they are checked like any other input before they
 * become part of a path.
 */
/** A custom object's key (`custom_objects.pets`); it becomes part of the read's path. */
const OBJECT_KEY = /^custom_objects\.[a-z0-9_]+$/;

export function recordSource(view: EventView, recordObjectKey?: string): RecordSource | undefined {
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
		return contactId ? { endpoint: getContact.endpoint, pathParams: { contactId }, unwrap: 'contact', what: `contact ${contactId}` } : undefined;
	}
	if (event.startsWith('Note')) {
		const [contactId, noteId] = [id('contactId'), id('noteId')];
		return contactId && noteId ? { endpoint: getNote.endpoint, pathParams: { contactId, id: noteId }, unwrap: 'note', what: `note ${noteId}` } : undefined;
	}
	if (event.startsWith('Task')) {
		const [contactId, taskId] = [id('contactId'), id('taskId')];
		return contactId && taskId ? { endpoint: getTask.endpoint, pathParams: { contactId, taskId }, unwrap: 'task', what: `task ${taskId}` } : undefined;
	}
	if (event.startsWith('Appointment')) {
		const appointmentId = id('appointmentId');
		return appointmentId
			? { endpoint: getAppointment.endpoint, pathParams: { eventId: appointmentId }, unwrap: 'event', what: `appointment ${appointmentId}` }
			: undefined;
	}
	if (event.startsWith('Record')) {
		// GHL's record events do not name their object: the event's objectKey where sent, else the trigger's Object Key.
		const [recordId, schemaKey] = [id('recordId'), typeof ids.objectKey === 'string' ? ids.objectKey : recordObjectKey];
		if (!recordId || !schemaKey) return undefined;
		if (!OBJECT_KEY.test(schemaKey)) throw new Error(`The object key "${schemaKey.slice(0, 80)}" is not an object key such as custom_objects.pets: nothing was read`);
		return { endpoint: getObjectRecord.endpoint, pathParams: { schemaKey, id: recordId }, unwrap: 'record', what: `${schemaKey} record ${recordId}` };
	}
	// These events carry the record's id as `id` (events.ts puts it in ids.id).
	const recordId = event.startsWith('Opportunity') || event.startsWith('User') || event.startsWith('Location') ? id('id') : undefined;
	if (!recordId) return undefined;
	if (event.startsWith('Opportunity')) {
		return { endpoint: getOpportunity.endpoint, pathParams: { id: recordId }, unwrap: 'opportunity', what: `opportunity ${recordId}` };
	}
	if (event.startsWith('User')) {
		// GET /users/{userId} answers the user itself.
		return { endpoint: getUser.endpoint, pathParams: { userId: recordId }, what: `user ${recordId}` };
	}
	return { endpoint: getLocation.endpoint, pathParams: { locationId: recordId }, unwrap: 'location', what: `location ${recordId}`, locationId: recordId };
}

/** GHL's answer for a record that is not there (any more): 404, or 400 "… not found". */
function isGone(error: unknown): boolean {
	const failure = error as { httpCode?: string; message?: string; description?: string };
	const status = Number(failure.httpCode);
	return status === 404 || (status === 400 && /not found/i.test(`${failure.message ?? ''} ${failure.description ?? ''}`));
}

async function read(this: IWebhookFunctions, source: RecordSource, context: IWebhookFunctions): Promise<IDataObject> {
	const [outcome] = await Promise.allSettled([ghlApiRequest.call(context, { ...endpointRequest(source.endpoint, { pathParams: source.pathParams }), waitBudgetMs: 0 })]);
	if (outcome.status === 'rejected') {
		// Any other failure is the transport's NodeApiError, reported as it is.
		const reason = outcome.reason as NodeOperationError;
		throw isGone(reason)
			? new NodeOperationError(this.getNode(), `The ${source.what} no longer exists in GHL (deleted after the event was sent): fullRecord not read`)
			: reason;
	}
	const response = outcome.value;
	const record = source.unwrap === undefined ? response : response[source.unwrap];
	return record && typeof record === 'object' && !Array.isArray(record) ? (record as IDataObject) : response;
}

/**
 * Reads the record an event is about through the package transport (credentials, Version header,
 * rate limit); undefined when there is nothing to read. Tokens are per location: an event of
 * another location than the credential's is not fetched. One attempt and no 429 waits: GHL waits
 * for the webhook's answer, so a failed read is recorded on the item instead of delaying the run.
 */
export async function fetchFullRecord(this: IWebhookFunctions, view: EventView): Promise<IDataObject | undefined> {
	const recordObjectKey = String(this.getNodeParameter('recordObjectKey', '') ?? '').trim();
	const source = recordSource(view, recordObjectKey || undefined);
	if (!source && /^Record(Create|Update)$/i.test(view.event) && !recordObjectKey && view.ids.objectKey === undefined) {
		throw new NodeOperationError(this.getNode(), 'GHL\'s record events do not name their object: set Object Key for Record Events to read the record');
	}
	if (!source) return undefined;
	const locationId = source.locationId ?? view.locationId;
	if (usesAgency(this)) {
		// An agency credential reads in the event's own sub-account (its token minted and cached as for any item).
		if (!locationId) return undefined;
		return await read.call(this, source, forSubAccount(this, locationId));
	}
	const credentialLocation = await getLocationId(this);
	if (locationId && locationId !== credentialLocation) {
		throw new NodeOperationError(
			this.getNode(),
			`The credential belongs to location ${credentialLocation}; this event is from location ${locationId}`,
		);
	}
	return await read.call(this, source, this);
}
