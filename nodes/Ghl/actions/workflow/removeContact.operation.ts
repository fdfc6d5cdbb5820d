import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { ghlApiRequest, ghlPath } from '../../../shared/transport';
import { idProperty } from '../../descriptions/common';
import { contactLocator } from '../../descriptions/contactLocator';
import { resolveContactId } from '../../helpers/contacts';
import { requireParameter } from '../../helpers/validation';
import type { OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Remove Contact',
	value: 'removeContact',
	action: 'Remove a contact from a workflow',
	description: 'Take a contact out of a GHL workflow',
	endpoint: {
		method: 'DELETE',
		path: '/contacts/{contactId}/workflow/{workflowId}',
		operationId: 'delete-contact-from-workflow',
		api: 'contacts',
		scopes: ['contacts.write'],
	},
};

export const properties: INodeProperties[] = [contactLocator(), idProperty('Workflow ID', 'workflowId', 'ID of the GHL workflow')];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const workflowId = requireParameter(this, itemIndex, 'workflowId', 'Workflow ID');
	const contactId = await resolveContactId.call(this, itemIndex);
	// The spec requires a body (CreateWorkflowDto, all optional).
	const response = await ghlApiRequest.call(this, {
		method: 'DELETE',
		path: ghlPath`/contacts/${contactId}/workflow/${workflowId}`,
		body: {},
		itemIndex,
	});
	return { contactId, workflowId, ...response };
}
