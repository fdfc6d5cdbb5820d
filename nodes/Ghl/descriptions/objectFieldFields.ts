import type { INodeProperties } from 'n8n-workflow';
import { pickerProperty } from './common';
import { customFieldDataTypeProperty } from './customFieldFields';

/** An object custom fields v2 serve: a custom object (`custom_objects.pet`) or businesses. */
export const objectKeyProperty: INodeProperties = {
	...pickerProperty('Object Name or ID', 'objectKey', 'getFieldObjectKeys'),
	description: 'A custom object (e.g. custom_objects.pet) or Businesses. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

/** A field of any of the location's objects, listed as "Object: Field". */
export const objectFieldIdProperty = pickerProperty('Field Name or ID', 'fieldId', 'getAllObjectFields');

/** A field folder of any of the location's objects, listed as "Object: Folder". */
export const folderIdProperty = pickerProperty('Folder Name or ID', 'folderId', 'getAllFieldFolders');

/** A folder of the chosen object (where a new field goes). */
export const objectFolderIdProperty: INodeProperties = {
	...folderIdProperty,
	typeOptions: { loadOptionsMethod: 'getFieldFolders', loadOptionsDependsOn: ['objectKey'] },
	description: 'The folder of the object the field goes in. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

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
