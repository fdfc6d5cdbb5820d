import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint } from '../../../shared/transport';
import { workflowProperty } from '../../descriptions/common';
import { contactLocator } from '../../descriptions/contactLocator';
import { resolveContactId } from '../../helpers/contacts';
import { toGhlDateTime } from '../../helpers/dates';
import { requireParameter } from '../../helpers/validation';
import { byId } from '../types';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Add Contact',
	value: 'addContact',
	action: 'Add a contact to a workflow',
	description: 'Enrol a contact in a GHL workflow',
	readmeNote: 'optional event start time',
	endpoint: {
		method: 'POST',
		path: '/contacts/{contactId}/workflow/{workflowId}',
		operationId: 'add-contact-to-workflow',
		api: 'contacts',
		scopes: ['contacts.write'],
	},
};

export const properties: INodeProperties[] = [
	contactLocator(),
	workflowProperty,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Event Start Time',
				name: 'eventStartTime',
				type: 'dateTime',
				default: '',
				description: 'Start time the workflow’s time-based steps count from (ISO 8601)',
			},
		],
	},
];

/** Parameters that run this operation against the sandbox's seeded data (test/catalogue.test.ts runs each operation with them). */
export const example: OperationExample = (d) => ({ contactId: byId(d.contact.id), workflowId: d.workflowIds[1] });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const workflowId = requireParameter(this, itemIndex, 'workflowId', 'Workflow ID');
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const body: IDataObject = {};
	if (options.eventStartTime) {
		body.eventStartTime = toGhlDateTime(this, itemIndex, 'Event Start Time', options.eventStartTime);
	}
	const contactId = await resolveContactId.call(this, itemIndex);
	const response = await callEndpoint.call(this, meta.endpoint, {
		pathParams: { contactId, workflowId },
		body,
		itemIndex,
	});
	return { contactId, workflowId, ...response };
}
