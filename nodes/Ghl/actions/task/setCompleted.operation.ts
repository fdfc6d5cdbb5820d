import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint } from '../../../shared/transport';
import { idProperty } from '../../descriptions/common';
import { contactLocator } from '../../descriptions/contactLocator';
import { resolveContactId } from '../../helpers/contacts';
import { requireParameter } from '../../helpers/validation';
import { byId } from '../types';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Set Completed',
	value: 'setCompleted',
	action: 'Mark a task as completed or not completed',
	description: 'Mark a task completed, or reopen it',
	unwrap: 'task',
	readmeNote: 'completed or not',
	endpoint: {
		method: 'PUT',
		path: '/contacts/{contactId}/tasks/{taskId}/completed',
		operationId: 'update-task-completed',
		api: 'contacts',
		scopes: ['contacts.write'],
	},
};

export const properties: INodeProperties[] = [
	contactLocator(),
	idProperty('Task ID', 'taskId', 'ID of the task'),
	{
		displayName: 'Completed',
		name: 'completed',
		type: 'boolean',
		default: true,
		description: 'Whether the task is done; turn off to mark it not completed',
	},
];

/** Parameters that run this operation against the sandbox's seeded data (test/catalogue.test.ts runs each operation with them). */
export const example: OperationExample = (d) => ({ contactId: byId(d.contact.id), taskId: d.contact.taskId, completed: true });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const taskId = requireParameter(this, itemIndex, 'taskId', 'Task ID');
	const completed = this.getNodeParameter('completed', itemIndex, true) as boolean;
	const contactId = await resolveContactId.call(this, itemIndex);
	return await callEndpoint.call(this, meta.endpoint, {
		pathParams: { contactId, taskId },
		body: { completed },
		itemIndex,
	});
}
