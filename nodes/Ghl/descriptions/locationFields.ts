import type { INodeProperties } from 'n8n-workflow';

const PICK_HINT = 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>';

/** A record of the location picked by name from a list (loadOptions), or an ID from an expression. */
function pickerProperty(displayName: string, name: string, loadOptionsMethod: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'options',
		typeOptions: { loadOptionsMethod },
		required: true,
		default: '',
		description: PICK_HINT,
	};
}

export const tagIdProperty = pickerProperty('Tag Name or ID', 'tagId', 'getLocationTags');
export const customValueIdProperty = pickerProperty('Custom Value Name or ID', 'customValueId', 'getCustomValues');
export const customFieldIdProperty = pickerProperty('Custom Field Name or ID', 'customFieldId', 'getLocationCustomFields');
export const templateIdProperty = pickerProperty('Template Name or ID', 'templateId', 'getTemplates');

/** A custom value's name and value (Create and Update). */
export const customValueFields: INodeProperties[] = [
	{ displayName: 'Name', name: 'name', type: 'string', required: true, default: '', placeholder: 'e.g. Support Phone' },
	{ displayName: 'Value', name: 'value', type: 'string', required: true, default: '', placeholder: 'e.g. +1 555 010 9999' },
];
