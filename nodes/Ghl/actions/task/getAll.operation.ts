import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { ghlApiRequest, ghlPath } from '../../../shared/transport';
import { contactLocator } from '../../descriptions/contactLocator';
import { pagingProperties } from '../../descriptions/paging';
import { resolveContactId } from '../../helpers/contacts';
import { listFromResponse } from '../../helpers/paging';
import type { OperationMeta } from '../types';

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

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const contactId = await resolveContactId.call(this, itemIndex);
	const response = await ghlApiRequest.call(this, { method: 'GET', path: ghlPath`/contacts/${contactId}/tasks`, itemIndex });
	return listFromResponse(this, itemIndex, response, 'tasks');
}
