import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { listCalendars } from '../../shared/reads';
import { getLocationId, ghlApiRequest } from '../../shared/transport';

const PAGE_SIZE = 50;

function label(contact: IDataObject): string {
	const name = [contact.firstName, contact.lastName].filter(Boolean).join(' ') || (contact.contactName as string) || '';
	const handle = (contact.email as string) || (contact.phone as string) || '';
	return [name, handle && `<${handle}>`].filter(Boolean).join(' ') || String(contact.id);
}

/** Contacts for the resource locator, searched by GHL's free-text query, paged with searchAfter. */
export async function searchContacts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const response = await ghlApiRequest.call(this, {
		method: 'POST',
		path: '/contacts/search',
		body: {
			locationId: await getLocationId(this),
			pageLimit: PAGE_SIZE,
			...(filter ? { query: filter.slice(0, 75) } : {}),
			...(paginationToken ? { searchAfter: JSON.parse(paginationToken) } : {}),
		},
		idempotent: true,
	});
	const contacts = (response.contacts ?? []) as IDataObject[];
	const last = contacts[contacts.length - 1];
	return {
		results: contacts.map((contact) => ({ name: label(contact), value: String(contact.id) })),
		paginationToken:
			contacts.length === PAGE_SIZE && Array.isArray(last?.searchAfter) ? JSON.stringify(last.searchAfter) : undefined,
	};
}

/** Calendars for the calendar locator: GHL lists them all at once; the filter matches name or ID. */
export async function searchCalendars(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const wanted = filter?.trim().toLowerCase() ?? '';
	const calendars = (await listCalendars.call(this))
		.filter((calendar) => !wanted || String(calendar.name ?? '').toLowerCase().includes(wanted) || String(calendar.id) === filter?.trim())
		.sort((a, b) => String(a.name ?? '').localeCompare(String(b.name ?? '')));
	return { results: calendars.map((calendar) => ({ name: String(calendar.name || calendar.id), value: String(calendar.id) })) };
}
