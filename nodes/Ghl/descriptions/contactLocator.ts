import type { INodeProperties } from 'n8n-workflow';

/** The contact an operation acts on: picked from a list, or given by ID, email or phone. */
export function contactLocator(name = 'contactId', displayName = 'Contact'): INodeProperties {
	return {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'The contact: pick it, or give its ID, email or phone (looked up with GHL duplicate search)',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchContacts', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. nmFmQEsNgz6AVpgLVUJ0',
				validation: [
					{
						type: 'regex',
						properties: { regex: '^[A-Za-z0-9_-]+$', errorMessage: 'Not a valid GHL contact ID' },
					},
				],
			},
			{
				displayName: 'By Email',
				name: 'email',
				type: 'string',
				placeholder: 'name@email.com',
			},
			{
				displayName: 'By Phone',
				name: 'phone',
				type: 'string',
				placeholder: 'e.g. +14155550100',
			},
		],
	};
}
