import { oauthHandlers } from '../oauth';
import { agencyHandlers } from './agency';
import { associationHandlers } from './associations';
import { calendarHandlers } from './calendars';
import { calendarEventHandlers } from './calendarEvents';
import { calendarResourceHandlers } from './calendarResources';
import { calendarScheduleHandlers } from './calendarSchedules';
import { calendarSetupHandlers } from './calendarSetup';
import { contactHandlers } from './contacts';
import { conversationHandlers } from './conversations';
import type { Handler } from './context';
import { formSurveyHandlers } from './formsSurveys';
import { genericHandler } from './generic';
import type { OperationSpec } from '../openapi';
import { customFieldV2Handlers } from './customFieldsV2';
import { objectAssociationHandlers } from './objectAssociations';
import { LOCATION_HANDLED_API, locationHandlers } from './locations';
import { searchContacts } from './search';
import { objectHandlers } from './objects';
import { opportunityHandlers } from './opportunities';
import { noteHandlers, taskHandlers } from './tasks';

/** operationId → hand-written handler (operations of the contacts, calendars, oauth, locations, users, opportunities, conversations and objects files). */
export const handlers: Record<string, Handler> = {
	...contactHandlers,
	'search-contacts-advanced': searchContacts,
	...taskHandlers,
	...noteHandlers,
	...associationHandlers,
	...calendarHandlers,
	...calendarSetupHandlers,
	...calendarEventHandlers,
	...calendarResourceHandlers,
	...calendarScheduleHandlers,
	...locationHandlers,
	...oauthHandlers,
	...agencyHandlers,
	...opportunityHandlers,
	...formSurveyHandlers,
	...conversationHandlers,
	...objectHandlers,
};

/** The API (spec file) each hand-written handler above is for: a few operationIds are in two files. */
const HANDLED_API: Record<string, string> = { 'create-association': 'contacts', ...LOCATION_HANDLED_API };

/** Hand-written handlers of one API only, for operationIds another API uses too (custom fields v2, associations' create-association). */
const handlersByApi: Record<string, Record<string, Handler>> = { 'custom-fields': customFieldV2Handlers, associations: objectAssociationHandlers };

/** Whether an operation has a hand-written handler (else the generic store answers it). */
export function isHandWritten(op: OperationSpec): boolean {
	if (handlersByApi[op.api]?.[op.operationId]) return true;
	return op.operationId in handlers && (HANDLED_API[op.operationId] ?? op.api) === op.api;
}

/** The handler for an operation: its hand-written one, else the generic store (sandbox/routes/generic.ts). */
export function handlerFor(op: OperationSpec): Handler {
	const own = handlersByApi[op.api]?.[op.operationId];
	if (own) return own;
	return isHandWritten(op) ? handlers[op.operationId] : genericHandler;
}
