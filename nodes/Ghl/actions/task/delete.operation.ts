import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint } from '../../../shared/transport';
import { idProperty } from '../../descriptions/common';
import { contactLocator } from '../../descriptions/contactLocator';
import { resolveContactId } from '../../helpers/contacts';
import { requireParameter } from '../../helpers/validation';
import { byId } from '../types';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a task',
	description: 'Delete a task of a contact',
	endpoint: {
		method: 'DELETE',
		path: '/contacts/{contactId}/tasks/{taskId}',
		operationId: 'delete-task',
		api: 'contacts',
		scopes: ['contacts.write'],
	},
};

export const properties: INodeProperties[] = [contactLocator(), idProperty('Task ID', 'taskId', 'ID of the task')];

/** Parameters that run this operation against the sandbox's seeded data (test/catalogue.test.ts runs each operation with them). */
export const example: OperationExample = (d) => ({ contactId: byId(d.contact.id), taskId: d.contact.taskId });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const taskId = requireParameter(this, itemIndex, 'taskId', 'Task ID');
	const contactId = await resolveContactId.call(this, itemIndex);
	const response = await callEndpoint.call(this, meta.endpoint, {
		pathParams: { contactId, taskId },
		itemIndex,
	});
	return { contactId, taskId, ...response };
}
