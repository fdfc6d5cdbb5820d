import type { INodeProperties } from 'n8n-workflow';
import { userProperty } from './common';

export const taskTitleProperty: INodeProperties = {
	displayName: 'Title',
	name: 'title',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. Call back about pricing',
};

export const taskDueDateProperty: INodeProperties = {
	displayName: 'Due Date',
	name: 'dueDate',
	type: 'dateTime',
	required: true,
	default: '',
	description: 'When the task is due (ISO 8601); a time without an offset is read in the workflow’s time zone',
};

export const taskCompletedProperty: INodeProperties = {
	displayName: 'Completed',
	name: 'completed',
	type: 'boolean',
	default: false,
	description: 'Whether the task is done',
};

/** The optional task fields, shared by Create (Additional Fields) and Update (Update Fields). */
export function taskFieldOptions(write: 'create' | 'update'): INodeProperties[] {
	const fields: INodeProperties[] = [
		userProperty('Assigned User Name or ID', 'assignedTo'),
		{ ...taskCompletedProperty },
		{
			displayName: 'Description',
			name: 'body',
			type: 'string',
			typeOptions: { rows: 4 },
			default: '',
		},
		{ ...taskDueDateProperty, required: false },
		{ ...taskTitleProperty, required: false },
	];
	return write === 'create' ? fields.filter((field) => ['assignedTo', 'body'].includes(field.name)) : fields;
}
