import type { INodeProperties } from 'n8n-workflow';

/** The data types of GHL's custom field editor (the locations API types `dataType` as plain text). */
export const customFieldDataTypeProperty: INodeProperties = {
	displayName: 'Data Type',
	name: 'dataType',
	type: 'options',
	required: true,
	options: [
		{ name: 'Checkbox', value: 'CHECKBOX' },
		{ name: 'Date', value: 'DATE' },
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

export const customFieldModelProperty: INodeProperties = {
	displayName: 'Object',
	name: 'model',
	type: 'options',
	options: [
		{ name: 'Contact', value: 'contact' },
		{ name: 'Opportunity', value: 'opportunity' },
	],
	default: 'contact',
	description: 'Which records the field is on',
};

/** Optional settings of a location custom field (Create's Additional Fields, Update's Update Fields). */
export const customFieldOptions: INodeProperties[] = [
	{
		displayName: 'Accepted File Formats',
		name: 'acceptedFormat',
		type: 'string',
		default: '',
		placeholder: 'e.g. .pdf, .jpeg',
		description: 'File Upload fields: comma-separated file extensions accepted',
	},
	{
		displayName: 'Allow Multiple Files',
		name: 'isMultipleFile',
		type: 'boolean',
		default: false,
		description: 'Whether a File Upload field takes more than one file',
	},
	{
		displayName: 'Max Number of Files',
		name: 'maxNumberOfFiles',
		type: 'number',
		typeOptions: { minValue: 1, numberPrecision: 0 },
		default: 1,
	},
	{ displayName: 'Placeholder', name: 'placeholder', type: 'string', default: '' },
	{
		displayName: 'Position',
		name: 'position',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 0 },
		default: 0,
		description: 'Order among the location’s fields (lower first)',
	},
	{
		displayName: 'Text Box List Options',
		name: 'textBoxListOptions',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		description: 'Text Box List fields: the boxes, each with a label and an optional prefilled value',
		options: [
			{
				displayName: 'Option',
				name: 'option',
				values: [
					{ displayName: 'Label', name: 'label', type: 'string', default: '' },
					{ displayName: 'Prefill Value', name: 'prefillValue', type: 'string', default: '' },
				],
			},
		],
	},
];
