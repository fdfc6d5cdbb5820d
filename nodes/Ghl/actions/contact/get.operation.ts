import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { ghlApiRequest, ghlPath } from '../../../shared/transport';
import { contactLocator } from '../../descriptions/contactLocator';
import { resolveContactId } from '../../helpers/contacts';
import type { OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Get',
	value: 'get',
	action: 'Get a contact',
	description: 'Get a contact by ID, email or phone',
	unwrap: 'contact',
	endpoint: {
		method: 'GET',
		path: '/contacts/{contactId}',
		operationId: 'get-contact',
		api: 'contacts',
		scopes: ['contacts.readonly'],
	},
};

export const properties: INodeProperties[] = [contactLocator()];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const contactId = await resolveContactId.call(this, itemIndex);
	return await ghlApiRequest.call(this, { method: 'GET', path: ghlPath`/contacts/${contactId}`, itemIndex });
}
