import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint } from '../../../shared/transport';
import { contactLocator } from '../../descriptions/contactLocator';
import { taskCompletedProperty, taskDueDateProperty, taskFieldOptions, taskTitleProperty } from '../../descriptions/taskFields';
import { resolveContactId } from '../../helpers/contacts';
import { buildTaskBody } from '../../helpers/taskBody';
import { byId } from '../types';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Create',
	value: 'create',
	action: 'Create a task',
	description: 'Create a task on a contact',
	unwrap: 'task',
	endpoint: {
		method: 'POST',
		path: '/contacts/{contactId}/tasks',
		operationId: 'create-task',
		api: 'contacts',
		scopes: ['contacts.write'],
	},
};

export const properties: INodeProperties[] = [
	contactLocator(),
	taskTitleProperty,
	taskDueDateProperty,
	taskCompletedProperty,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: taskFieldOptions('create'),
	},
];

/** Parameters that run this operation against the sandbox's seeded data (test/catalogue.test.ts runs each operation with them). */
export const example: OperationExample = (d) => ({ contactId: byId(d.contact.id), title: 'Example', dueDate: '2032-01-05T10:00:00Z', completed: false });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body = buildTaskBody(this, itemIndex, {
		...(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject),
		title: this.getNodeParameter('title', itemIndex, '') as string,
		dueDate: this.getNodeParameter('dueDate', itemIndex, '') as string,
		completed: this.getNodeParameter('completed', itemIndex, false) as boolean,
	});
	const contactId = await resolveContactId.call(this, itemIndex);
	return await callEndpoint.call(this, meta.endpoint, { pathParams: { contactId }, body, itemIndex });
}
