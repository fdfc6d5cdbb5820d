import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint } from '../../../shared/transport';
import { idProperty } from '../../descriptions/common';
import { contactLocator } from '../../descriptions/contactLocator';
import { taskFieldOptions } from '../../descriptions/taskFields';
import { resolveContactId } from '../../helpers/contacts';
import { buildTaskBody } from '../../helpers/taskBody';
import { requireParameter } from '../../helpers/validation';
import { byId } from '../types';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Update',
	value: 'update',
	action: 'Update a task',
	description: 'Change a task’s title, description, due date, assignee or status',
	unwrap: 'task',
	endpoint: {
		method: 'PUT',
		path: '/contacts/{contactId}/tasks/{taskId}',
		operationId: 'update-task',
		api: 'contacts',
		scopes: ['contacts.write'],
	},
};

export const properties: INodeProperties[] = [
	contactLocator(),
	idProperty('Task ID', 'taskId', 'ID of the task'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: taskFieldOptions('update'),
	},
];

/** Parameters that run this operation against the sandbox's seeded data (test/catalogue.test.ts runs each operation with them). */
export const example: OperationExample = (d) => ({ contactId: byId(d.contact.id), taskId: d.contact.taskId, updateFields: { title: 'Example' } });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const taskId = requireParameter(this, itemIndex, 'taskId', 'Task ID');
	const body = buildTaskBody(this, itemIndex, this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject);
	if (!Object.keys(body).length) {
		throw new NodeOperationError(this.getNode(), 'Update Fields: add at least one field to change', { itemIndex });
	}
	const contactId = await resolveContactId.call(this, itemIndex);
	return await callEndpoint.call(this, meta.endpoint, { pathParams: { contactId, taskId }, body, itemIndex });
}
