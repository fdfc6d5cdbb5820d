import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { listCalendars, listUsers } from '../../shared/reads';
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
	return (await listUsers.call(this))
		.map((user) => ({
			name: String(user.name || [user.firstName, user.lastName].filter(Boolean).join(' ') || user.email || user.id),
			value: String(user.id),
			description: user.email ? String(user.email) : undefined,
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** The location's calendars, by name. */
export async function getCalendars(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await listCalendars.call(this))
		.map((calendar) => ({
			name: String(calendar.name || calendar.id),
			value: String(calendar.id),
			description: calendar.description ? String(calendar.description) : undefined,
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}
