import type { INodeProperties } from 'n8n-workflow';

/** A business of the location, picked by name. */
export const businessProperty: INodeProperties = {
	displayName: 'Business Name or ID',
	name: 'businessId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getBusinesses' },
	required: true,
	default: '',
	description:
		'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
};

/** The fields of GHL's CreateBusinessDto / UpdateBusinessDto besides the name, all text. */
export const BUSINESS_FIELDS: Array<[name: string, displayName: string, description: string]> = [
	['address', 'Address', 'Street address'],
	['city', 'City', ''],
	['country', 'Country', 'Country code, e.g. US'],
	['description', 'Description', ''],
	['email', 'Email', 'The business’s email address'],
	['phone', 'Phone', 'The business’s phone number'],
	['postalCode', 'Postal Code', ''],
	['state', 'State', ''],
	['website', 'Website', 'e.g. https://example.com'],
];

/** Business fields as collection options; `extra` (e.g. the name, on update) is merged in sorted. */
export function businessFieldOptions(extra: INodeProperties[] = []): INodeProperties[] {
	const fields: INodeProperties[] = BUSINESS_FIELDS.map(([name, displayName, description]) => ({
		displayName,
		name,
		type: 'string',
		default: '',
		...(name === 'email' ? { placeholder: 'name@email.com' } : {}),
		...(description ? { description } : {}),
	}));
	return [...fields, ...extra].sort((a, b) => a.displayName.localeCompare(b.displayName));
}
