import { oauthHandlers } from '../oauth';
import { associationHandlers } from './associations';
import { calendarHandlers } from './calendars';
import { contactHandlers } from './contacts';
import type { Handler } from './context';
import { locationHandlers } from './locations';
import { searchContacts } from './search';
import { noteHandlers, taskHandlers } from './tasks';

/** operationId → handler. Spec routes without a handler answer 501. */
export const handlers: Record<string, Handler> = {
	...contactHandlers,
	'search-contacts-advanced': searchContacts,
	...taskHandlers,
	...noteHandlers,
	...associationHandlers,
	...calendarHandlers,
	...locationHandlers,
	...oauthHandlers,
};
