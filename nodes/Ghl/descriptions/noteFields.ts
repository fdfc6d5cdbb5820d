import type { INodeProperties } from 'n8n-workflow';
import { userProperty } from './common';

export const noteBodyProperty: INodeProperties = {
	displayName: 'Body',
	name: 'body',
	type: 'string',
	typeOptions: { rows: 4 },
	required: true,
	default: '',
	description: 'Text of the note',
};

/** The optional note fields, shared by Create (Additional Fields) and Update (Update Fields). */
export function noteFieldOptions(write: 'create' | 'update'): INodeProperties[] {
	const fields: INodeProperties[] = [
		{ ...noteBodyProperty, required: false },
		{ displayName: 'Color', name: 'color', type: 'color', default: '' },
		{ displayName: 'Pinned', name: 'pinned', type: 'boolean', default: false, description: 'Whether the note is pinned to the top' },
		{ displayName: 'Title', name: 'title', type: 'string', default: '' },
		{ ...userProperty('User Name or ID', 'userId') },
	];
	return write === 'create' ? fields.filter((field) => field.name !== 'body') : fields;
}
