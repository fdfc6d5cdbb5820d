/**
 * What each polling event reads and emits, for docs/triggers.md (scripts/catalogue/triggers.ts
 * generates its event reference from this and from the event list; it fails for an event missing here).
 * The endpoints are the operations' own, so the scopes listed are theirs.
 */
import type { GhlEndpoint } from '../shared/transport';
import { SHARED_ENDPOINTS } from '../shared/reads';
import { meta as listCalendarEvents } from '../Ghl/actions/calendarEvent/getAll.operation';
import { meta as searchContacts } from '../Ghl/actions/contact/search.operation';
import { meta as formSubmissions } from '../Ghl/actions/form/getSubmissions.operation';
import { meta as listNotes } from '../Ghl/actions/note/getAll.operation';
import { meta as opportunitySearch } from '../Ghl/actions/opportunity/search.operation';
import { meta as surveySubmissions } from '../Ghl/actions/survey/getSubmissions.operation';
import { meta as taskSearch } from '../Ghl/actions/task/search.operation';
import {
	APPOINTMENT_CREATED,
	CONTACT_CREATED,
	CONTACT_UPDATED,
	FORM_SUBMITTED,
	NOTE_CREATED,
	OPPORTUNITY_CHANGED,
	SURVEY_SUBMITTED,
	TASK_CHANGED,
} from './description';

export interface PollingEventReference {
	/** One item per …, and what the item is. */
	emits: string;
	reads: GhlEndpoint[];
}

export const POLLING_EVENT_REFERENCE: Record<string, PollingEventReference> = {
	[CONTACT_CREATED]: { emits: 'the contact as the search lists it, once', reads: [searchContacts.endpoint] },
	[CONTACT_UPDATED]: { emits: 'the contact as the search lists it, once per new dateUpdated', reads: [searchContacts.endpoint] },
	[NOTE_CREATED]: { emits: 'the note with its contactId, once', reads: [searchContacts.endpoint, listNotes.endpoint] },
	[TASK_CHANGED]: { emits: 'the task with its contactId and changeType new or updated, once per version', reads: [taskSearch.endpoint] },
	[APPOINTMENT_CREATED]: { emits: 'the appointment (calendar event), once', reads: [SHARED_ENDPOINTS.calendars, listCalendarEvents.endpoint] },
	[OPPORTUNITY_CHANGED]: { emits: 'the opportunity as the search lists it (with its contact), once per new updatedAt', reads: [opportunitySearch.endpoint] },
	[FORM_SUBMITTED]: { emits: 'the submission with its answers (others), once', reads: [formSubmissions.endpoint] },
	[SURVEY_SUBMITTED]: { emits: 'the submission with its answers (others), once', reads: [surveySubmissions.endpoint] },
};
