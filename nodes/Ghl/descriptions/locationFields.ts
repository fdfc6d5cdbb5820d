import type { INodeProperties } from 'n8n-workflow';
import { pickerProperty } from './common';

export const tagIdProperty = pickerProperty('Tag Name or ID', 'tagId', 'getLocationTags');
export const customValueIdProperty = pickerProperty('Custom Value Name or ID', 'customValueId', 'getCustomValues');
export const customFieldIdProperty = pickerProperty('Custom Field Name or ID', 'customFieldId', 'getLocationCustomFields');
export const templateIdProperty = pickerProperty('Template Name or ID', 'templateId', 'getTemplates');

/** A custom value's name and value (Create and Update). */
export const customValueFields: INodeProperties[] = [
	{ displayName: 'Name', name: 'name', type: 'string', required: true, default: '', placeholder: 'e.g. Support Phone' },
	{ displayName: 'Value', name: 'value', type: 'string', required: true, default: '', placeholder: 'e.g. +1 555 010 9999' },
];
