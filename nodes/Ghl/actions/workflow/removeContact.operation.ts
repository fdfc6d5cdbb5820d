import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint } from '../../../shared/transport';
import { workflowProperty } from '../../descriptions/common';
import { contactLocator } from '../../descriptions/contactLocator';
import { resolveContactId } from '../../helpers/contacts';
import { requireParameter } from '../../helpers/validation';
import { byId } from '../types';
import type { OperationExample, OperationMeta } from '../types';

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

export const properties: INodeProperties[] = [contactLocator(), workflowProperty];

/** Parameters that run this operation against the sandbox's seeded data (test/catalogue.test.ts runs each operation with them). */
export const example: OperationExample = (d) => ({ contactId: byId(d.secondContactId), workflowId: d.workflowIds[0] });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const workflowId = requireParameter(this, itemIndex, 'workflowId', 'Workflow ID');
	const contactId = await resolveContactId.call(this, itemIndex);
	// The spec requires a body (CreateWorkflowDto, all optional).
	const response = await callEndpoint.call(this, meta.endpoint, {
		pathParams: { contactId, workflowId },
		body: {},
		itemIndex,
	});
	return { contactId, workflowId, ...response };
}
