import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
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
