/**
 * Samples pinned on the trigger n8n's editor runs on "Execute workflow" (see `editorSample` in
 * lib.ts): what a Webhook node outputs for a partner's sample payload, and what the HighLevel
 * Trigger outputs for a signed event about a record the GHL sandbox seeds (sandbox/seed.ts, the
 * same ids on every start), so a pinned run under `npm start` writes about a contact that exists.
 */
import type { IDataObject } from 'n8n-workflow';
import { viewOf } from '../../nodes/GhlTrigger/events';
import { TokenRegistry } from '../../sandbox/auth';
import { seedStore } from '../../sandbox/seed';
import { Store, toContact, toTask } from '../../sandbox/store';
import { appointmentEvent, contactEvent, taskEvent, type ContactEventType } from '../../sandbox/webhooks';

/** The Webhook node's output for a POSTed body (what the templates' demo Code nodes also return). */
export function webhookSample(body: unknown): IDataObject {
	return { headers: {}, query: {}, body: body as IDataObject };
}

let seeded: Store | undefined;
function sandboxSeed(): Store {
	if (!seeded) {
		seeded = new Store();
		seedStore(seeded, new TokenRegistry(86399, 30_000), true);
	}
	return seeded;
}

/** Fixed, so rebuilding gives the same file. */
const SAMPLE_TIMESTAMP = '2026-01-05T10:00:00.000Z';

function triggerItem(body: IDataObject, webhookId: string, fullRecord?: IDataObject): IDataObject {
	const view = viewOf(body);
	return {
		event: view.event,
		locationId: view.locationId ?? null,
		webhookId,
		timestamp: SAMPLE_TIMESTAMP,
		ids: view.ids,
		payload: view.payload,
		...(fullRecord ? { fullRecord } : {}),
	};
}

/** The HighLevel Trigger's item for a contact event about the seeded contact with this email. */
export function ghlContactEventSample(type: ContactEventType, email: string, opts: { webhookId: string; fetchFullRecord: boolean }): IDataObject {
	const contact = [...sandboxSeed().contacts.values()].find((c) => c.email === email);
	if (!contact) throw new Error(`The GHL sandbox seeds no contact ${email}`);
	const body = { ...contactEvent(type, contact), timestamp: SAMPLE_TIMESTAMP, webhookId: opts.webhookId } as IDataObject;
	return triggerItem(body, opts.webhookId, opts.fetchFullRecord ? (toContact(contact) as IDataObject) : undefined);
}

/** The HighLevel Trigger's item for an AppointmentCreate of the seeded appointment with this title. */
export function ghlAppointmentEventSample(title: string, opts: { webhookId: string }): IDataObject {
	const appointment = [...sandboxSeed().appointments.values()].find((a) => a.title === title);
	if (!appointment) throw new Error(`The GHL sandbox seeds no appointment "${title}"`);
	const body = { ...appointmentEvent('AppointmentCreate', appointment), timestamp: SAMPLE_TIMESTAMP, webhookId: opts.webhookId } as IDataObject;
	return triggerItem(body, opts.webhookId);
}

/** The HighLevel Trigger's item (with Fetch Full Record) for an event about the seeded task with this title. */
export function ghlTaskEventSample(type: 'TaskComplete', opts: { webhookId: string; title?: string }): IDataObject {
	const title = opts.title ?? 'Send onboarding pack';
	const task = [...sandboxSeed().tasks.values()].find((t) => t.title === title);
	if (!task) throw new Error(`The GHL sandbox seeds no task "${title}"`);
	const body = { ...taskEvent(type, task), timestamp: SAMPLE_TIMESTAMP, webhookId: opts.webhookId } as IDataObject;
	return triggerItem(body, opts.webhookId, toTask(task) as IDataObject);
}

/** The id of the sandbox's seeded calendar with this name (the same on every start). */
export function seededCalendarId(name: string): string {
	const calendar = [...sandboxSeed().calendars.values()].find((c) => c.name === name);
	if (!calendar) throw new Error(`The GHL sandbox seeds no calendar "${name}"`);
	return calendar.id;
}
