import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { listCalendars, listUsers } from '../../shared/reads';
import { endpointRequest, getAgencyConnection, getLocationId, ghlApiRequest } from '../../shared/transport';
import { meta as installedLocations } from '../actions/agency/getInstalledSubAccounts.operation';
import { meta as searchSchedulesMeta } from '../actions/calendarSchedule/getAll.operation';

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

/** The agency's sub-accounts with the app installed, for the Sub-Account locator (agency credential). */
export async function searchSubAccounts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const { agency } = await getAgencyConnection(this);
	const skip = Number(paginationToken ?? 0);
	const response = await ghlApiRequest.call(
		this,
		endpointRequest(installedLocations.endpoint, {
			qs: {
				companyId: agency.companyId,
				appId: agency.appId,
				isInstalled: true,
				skip: String(skip),
				limit: String(PAGE_SIZE),
				...(filter ? { query: filter } : {}),
			},
		}),
	);
	const locations = (response.locations ?? []) as IDataObject[];
	return {
		results: locations.map((location) => ({ name: String(location.name ?? location._id), value: String(location._id) })),
		paginationToken: locations.length === PAGE_SIZE ? String(skip + PAGE_SIZE) : undefined,
	};
}

/** GHL's largest page of a user's availability schedules. */
const SCHEDULE_PAGE_LIMIT = 500;

/**
 * Availability schedules for the schedule locator: GHL searches them one user at a time, so the
 * location's users' schedules are listed together, each named with its user; the filter matches
 * the schedule's or the user's name, or the ID.
 */
export async function searchSchedules(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const locationId = await getLocationId(this);
	const wanted = filter?.trim().toLowerCase() ?? '';
	const perUser = await Promise.all(
		(await listUsers.call(this)).map(async (user) => {
			const response = await ghlApiRequest.call(
				this,
				endpointRequest(searchSchedulesMeta.endpoint, { qs: { locationId, userId: String(user.id), limit: String(SCHEDULE_PAGE_LIMIT) } }),
			);
			const userName = String(user.name || [user.firstName, user.lastName].filter(Boolean).join(' ') || user.email || user.id);
			return ((response.schedules ?? []) as IDataObject[]).map((schedule) => ({ name: `${String(schedule.name || schedule.id)} (${userName})`, value: String(schedule.id) }));
		}),
	);
	const results = perUser
		.flat()
		.filter((result) => !wanted || result.name.toLowerCase().includes(wanted) || result.value === filter?.trim())
		.sort((a, b) => a.name.localeCompare(b.name));
	return { results };
}
