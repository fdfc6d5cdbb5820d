import type { INodeProperties } from 'n8n-workflow';
import { idProperty } from './common';

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

export const objectFieldDataTypeProperty: INodeProperties = {
	displayName: 'Data Type',
	name: 'dataType',
	type: 'options',
	required: true,
	options: [
		{ name: 'Checkbox', value: 'CHECKBOX' },
		{ name: 'Date', value: 'DATE' },
		{ name: 'Email', value: 'EMAIL' },
		{ name: 'File Upload', value: 'FILE_UPLOAD' },
		{ name: 'Large Text', value: 'LARGE_TEXT' },
		{ name: 'Monetary', value: 'MONETORY' },
		{ name: 'Multiple Options', value: 'MULTIPLE_OPTIONS' },
		{ name: 'Number', value: 'NUMERICAL' },
		{ name: 'Phone', value: 'PHONE' },
		{ name: 'Radio', value: 'RADIO' },
		{ name: 'Single Option', value: 'SINGLE_OPTIONS' },
		{ name: 'Text', value: 'TEXT' },
		{ name: 'Text Box List', value: 'TEXTBOX_LIST' },
	],
	default: 'TEXT',
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
