import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint } from '../../../shared/transport';
import { contactLocator } from '../../descriptions/contactLocator';
import { resolveContactId } from '../../helpers/contacts';
import { byId } from '../types';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Get',
	value: 'get',
	action: 'Get a contact',
	description: 'Get a contact by ID, email or phone',
	unwrap: 'contact',
	readmeNote: 'by ID, email or phone',
	endpoint: {
		method: 'GET',
		path: '/contacts/{contactId}',
		operationId: 'get-contact',
		api: 'contacts',
		scopes: ['contacts.readonly'],
	},
};

export const properties: INodeProperties[] = [contactLocator()];

/** Parameters that run this operation against the sandbox's seeded data (test/catalogue.test.ts runs each operation with them). */
export const example: OperationExample = (d) => ({ contactId: byId(d.contact.id) });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const contactId = await resolveContactId.call(this, itemIndex);
	return await callEndpoint.call(this, meta.endpoint, { pathParams: { contactId }, itemIndex });
}
