import type { INodeProperties } from 'n8n-workflow';
import { idProperty } from './common';
import { customFieldDataTypeProperty } from './customFieldFields';

export const objectKeyProperty: INodeProperties = {
	displayName: 'Object Key',
	name: 'objectKey',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. custom_objects.pet',
	description: 'The custom object’s key, or business (GHL’s custom fields v2 serve custom objects and businesses)',
};

export const objectFieldIdProperty = idProperty('Field ID', 'fieldId', 'ID of the custom object field');
export const folderIdProperty = idProperty('Folder ID', 'folderId', 'ID of the field folder');

/** The v2 field editor's data types: the location field editor's, and Email. */
export const objectFieldDataTypeProperty: INodeProperties = {
	...customFieldDataTypeProperty,
	options: [...(customFieldDataTypeProperty.options ?? []), { name: 'Email', value: 'EMAIL' }].sort((a, b) => a.name.localeCompare(b.name)),
};

export const showInFormsProperty: INodeProperties = {
	displayName: 'Show in Forms',
	name: 'showInForms',
	type: 'boolean',
	default: true,
	description: 'Whether the field can be put on forms',
};

/** Optional settings of a v2 field (Create's Additional Fields, Update's Update Fields). */
export const objectFieldOptions: INodeProperties[] = [
	{
		displayName: 'Accepted File Formats',
		name: 'acceptedFormats',
		type: 'options',
		options: [
			{ name: 'All', value: 'all' },
			{ name: 'CSV', value: '.csv' },
			{ name: 'DOC', value: '.doc' },
			{ name: 'DOCX', value: '.docx' },
			{ name: 'GIF', value: '.gif' },
			{ name: 'JPEG', value: '.jpeg' },
			{ name: 'JPG', value: '.jpg' },
			{ name: 'PDF', value: '.pdf' },
			{ name: 'PNG', value: '.png' },
			{ name: 'XLS', value: '.xls' },
			{ name: 'XLSX', value: '.xlsx' },
		],
		default: 'all',
		description: 'File Upload fields: the file kind accepted',
	},
	{ displayName: 'Description', name: 'description', type: 'string', default: '' },
	{
		displayName: 'Max Files',
		name: 'maxFileLimit',
		type: 'number',
		typeOptions: { minValue: 1, numberPrecision: 0 },
		default: 1,
		description: 'File Upload fields: most files one record keeps',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		description: 'Choices of an option, radio, checkbox or text box list field',
		options: [
			{
				displayName: 'Option',
				name: 'option',
				values: [
					{ displayName: 'Key', name: 'key', type: 'string', default: '', description: 'What the record stores' },
					{ displayName: 'Label', name: 'label', type: 'string', default: '', description: 'What people see' },
					{ displayName: 'URL', name: 'url', type: 'string', default: '', description: 'Radio fields: a link for the option' },
				],
			},
		],
	},
	{ displayName: 'Placeholder', name: 'placeholder', type: 'string', default: '' },
];
