import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { getLocationId, ghlApiRequest } from '../../shared/transport';
import { getCustomFieldDefinitions } from '../helpers/customFields';

/** The location's contact custom fields, by name with their type. */
export async function getCustomFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const definitions = await getCustomFieldDefinitions.call(this);
	return definitions
		.map((field) => ({
			name: `${field.name} (${(field.dataType ?? 'TEXT').toLowerCase().replace(/_/g, ' ')})`,
			value: field.id,
			description: field.fieldKey,
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** The location's users, by name (task assignees, note authors, followers, appointment owners). */
export async function getUsers(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const response = await ghlApiRequest.call(this, {
		method: 'GET',
		path: '/users/',
		api: 'users',
		qs: { locationId: await getLocationId(this) },
	});
	return ((response.users ?? []) as IDataObject[])
		.filter((user) => !user.deleted)
		.map((user) => ({
			name: String(user.name || [user.firstName, user.lastName].filter(Boolean).join(' ') || user.email || user.id),
			value: String(user.id),
			description: user.email ? String(user.email) : undefined,
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** The location's calendars, by name. */
export async function getCalendars(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const response = await ghlApiRequest.call(this, {
		method: 'GET',
		path: '/calendars/',
		api: 'calendars',
		qs: { locationId: await getLocationId(this) },
	});
	return ((response.calendars ?? []) as IDataObject[])
		.map((calendar) => ({
			name: String(calendar.name || calendar.id),
			value: String(calendar.id),
			description: calendar.description ? String(calendar.description) : undefined,
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}
