import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { ghlApiRequest, ghlPath } from '../../../shared/transport';
import { idProperty } from '../../descriptions/common';
import { contactLocator } from '../../descriptions/contactLocator';
import { resolveContactId } from '../../helpers/contacts';
import { requireParameter } from '../../helpers/validation';
import type { OperationMeta } from '../types';

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

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const taskId = requireParameter(this, itemIndex, 'taskId', 'Task ID');
	const contactId = await resolveContactId.call(this, itemIndex);
	const response = await ghlApiRequest.call(this, {
		method: 'DELETE',
		path: ghlPath`/contacts/${contactId}/tasks/${taskId}`,
		itemIndex,
	});
	return { contactId, taskId, ...response };
}
