import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint } from '../../../shared/transport';
import { contactLocator } from '../../descriptions/contactLocator';
import { pagingProperties } from '../../descriptions/paging';
import { resolveContactId } from '../../helpers/contacts';
import { listFromResponse } from '../../helpers/paging';
import { byId } from '../types';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many tasks',
	description: 'Get the tasks of a contact',
	endpoint: {
		method: 'GET',
		path: '/contacts/{contactId}/tasks',
		operationId: 'get-all-tasks',
		api: 'contacts',
		scopes: ['contacts.readonly'],
	},
};

export const properties: INodeProperties[] = [contactLocator(), ...pagingProperties];

/** Parameters that run this operation against the sandbox's seeded data (test/catalogue.test.ts runs each operation with them). */
export const example: OperationExample = (d) => ({ contactId: byId(d.contact.id) });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const contactId = await resolveContactId.call(this, itemIndex);
	const response = await callEndpoint.call(this, meta.endpoint, { pathParams: { contactId }, itemIndex });
	return listFromResponse(this, itemIndex, response, 'tasks');
}
