import type { INodeProperties } from 'n8n-workflow';
import { idProperty } from './common';

const PICK = 'Choose from the list, or specify a key using an <a href="https://docs.n8n.io/code/expressions/">expression</a>';

/**
 * An object of the location, picked by its label; its value is the object's key
 * (`custom_objects.pets`, or `contact`, `opportunity`, `business` where standard objects are taken).
 */
export function objectSchemaProperty(options: { customOnly: boolean; description?: string }): INodeProperties {
	return {
		displayName: 'Object Name or ID',
		name: 'schemaKey',
		type: 'options',
		typeOptions: { loadOptionsMethod: options.customOnly ? 'getCustomObjects' : 'getObjectSchemas' },
		required: true,
		default: '',
		description: options.description ? `${options.description}. ${PICK}.` : `${PICK}.`,
	};
}

export const objectRecordIdProperty = idProperty('Record ID', 'recordId', 'ID of the object record');

/** A record's field values as a JSON object, keyed by the field key after the object's prefix. */
export function recordPropertiesProperty(required: boolean): INodeProperties {
	return {
		displayName: 'Properties (JSON)',
		name: 'properties',
		type: 'json',
		required,
		default: '{}',
		description:
			'Field values by field key, without the object’s prefix (name for custom_objects.pets.name): text, numbers, option keys, lists of option keys, {"currency": "default", "value": 100} for money, "YYYY-MM-DD" for dates',
		hint: required ? 'The object’s primary display property is required' : 'Only the properties given change; null clears one',
	};
}

/** Owner and followers of a record (Create's Additional Fields, Update's Update Fields). */
export const recordPeopleOptions: INodeProperties[] = [
	{
		displayName: 'Follower Names or IDs',
		name: 'followers',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getUsers' },
		default: [],
		description: 'Users who follow the record (at most 10). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Owner Name or ID',
		name: 'owner',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getUsers' },
		default: '',
		description: 'The user who owns the record. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
];
