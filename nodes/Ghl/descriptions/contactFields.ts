import type { INodeProperties } from 'n8n-workflow';
import { userProperty } from './common';

export type ContactWrite = 'create' | 'update' | 'upsert';

export const DND_CHANNELS = ['Call', 'Email', 'SMS', 'WhatsApp', 'GMB', 'FB'];

/** Custom field rows: a field picked by name (from `loadOptionsMethod`'s list) and its value. */
export function customFieldRowsProperty(loadOptionsMethod: string): INodeProperties {
	return {
		displayName: 'Custom Fields',
		name: 'customFieldsUi',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Custom Field',
		default: {},
		options: [
			{
				displayName: 'Custom Field',
				name: 'customField',
				values: [
					{
						displayName: 'Field Name or ID',
						name: 'fieldId',
						type: 'options',
						typeOptions: { loadOptionsMethod },
						default: '',
						description:
							'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description: 'Checkbox and multi-select fields take comma-separated options',
					},
				],
			},
		],
	};
}

export const customFieldsProperty = customFieldRowsProperty('getCustomFields');

/** The optional contact fields GHL's create, update and upsert DTOs take (update has no company name or gender). */
export function contactFieldOptions(write: ContactWrite): INodeProperties[] {
	const fields: INodeProperties[] = [
		{ displayName: 'Address', name: 'address1', type: 'string', default: '' },
		userProperty('Assigned User Name or ID', 'assignedTo'),
		{ displayName: 'City', name: 'city', type: 'string', default: '' },
		{ displayName: 'Company Name', name: 'companyName', type: 'string', default: '' },
		{
			displayName: 'Country',
			name: 'country',
			type: 'string',
			default: '',
			placeholder: 'US',
			description: 'Two-letter ISO country code',
		},
		{
			displayName: 'Custom Fields (Object)',
			name: 'customFieldsObject',
			type: 'json',
			default: '{}',
			description:
				'Custom field ID, key or name → value, e.g. {"lsq_score": 42} or an expression giving a mapping node\'s object; added to the Custom Fields rows',
		},
		{
			displayName: 'Date of Birth',
			name: 'dateOfBirth',
			type: 'dateTime',
			default: '',
		},
		{
			displayName: 'DND (All Channels)',
			name: 'dnd',
			type: 'boolean',
			default: false,
			description: 'Whether to turn on Do Not Disturb for every channel',
		},
		{
			displayName: 'DND Settings',
			name: 'dndSettingsUi',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			default: {},
			placeholder: 'Add Channel',
			options: [
				{
					displayName: 'Channel',
					name: 'channel',
					values: [
						{
							displayName: 'Channel',
							name: 'channel',
							type: 'options',
							options: DND_CHANNELS.map((channel) => ({ name: channel, value: channel })).sort((a, b) => a.name.localeCompare(b.name)),
							default: 'SMS',
						},
						{
							displayName: 'Status',
							name: 'status',
							type: 'options',
							options: [
								{ name: 'Active (Do Not Disturb)', value: 'active' },
								{ name: 'Inactive', value: 'inactive' },
								{ name: 'Permanent', value: 'permanent' },
							],
							default: 'active',
						},
						{ displayName: 'Message', name: 'message', type: 'string', default: '' },
					],
				},
			],
		},
		{
			displayName: 'DND Settings (Object)',
			name: 'dndSettingsObject',
			type: 'json',
			default: '{}',
			description:
				'Channel → status (active, inactive or permanent), e.g. {"Email": "active", "Call": "inactive"}; channels left out are not changed',
		},
		{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '' },
		{ displayName: 'First Name', name: 'firstName', type: 'string', default: '' },
		{ displayName: 'Full Name', name: 'name', type: 'string', default: '', description: 'Used when first and last name are not given' },
		{
			displayName: 'Gender',
			name: 'gender',
			type: 'options',
			options: [
				{ name: 'Female', value: 'female' },
				{ name: 'Male', value: 'male' },
				{ name: 'Other', value: 'other' },
			],
			default: 'female',
		},
		{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '' },
		{ displayName: 'Phone', name: 'phone', type: 'string', default: '', placeholder: '+14155550100' },
		{ displayName: 'Postal Code', name: 'postalCode', type: 'string', default: '' },
		{ displayName: 'Source', name: 'source', type: 'string', default: '', placeholder: 'public api' },
		{ displayName: 'State', name: 'state', type: 'string', default: '' },
		{
			displayName: 'Tags',
			name: 'tags',
			type: 'string',
			default: '',
			description: 'Comma-separated',
		},
		{ displayName: 'Timezone', name: 'timezone', type: 'string', default: '', placeholder: 'America/New_York' },
		{ displayName: 'Website', name: 'website', type: 'string', default: '' },
	];
	return write === 'update' ? fields.filter((field) => !['companyName', 'gender'].includes(field.name)) : fields;
}

/** GHL overwrites a contact's tags on update and upsert; adding to them is what users expect. */
export const tagsModeProperty: INodeProperties = {
	displayName: 'Tags Handling',
	name: 'tagsMode',
	type: 'options',
	options: [
		{ name: 'Add to Existing Tags', value: 'add', description: 'Keep the contact’s tags and add these' },
		{ name: 'Replace All Tags', value: 'replace', description: 'GHL’s own behaviour: the list overwrites the contact’s tags' },
	],
	default: 'add',
	description: 'What the Tags field does to the tags the contact already has',
};
