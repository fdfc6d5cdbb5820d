import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint } from '../../../shared/transport';
import { contactLocator } from '../../descriptions/contactLocator';
import { resolveContactId } from '../../helpers/contacts';
import { byId } from '../types';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Remove Contact From All',
	value: 'removeContactFromAll',
	action: 'Remove a contact from every campaign',
	description: 'Remove a contact from all the campaigns it is in',
	endpoint: {
		method: 'DELETE',
		path: '/contacts/{contactId}/campaigns/removeAll',
		operationId: 'remove-contact-from-every-campaign',
		api: 'contacts',
		scopes: ['contacts.write'],
	},
};

export const properties: INodeProperties[] = [contactLocator()];

/** Parameters that run this operation against the sandbox's seeded data (test/catalogue.test.ts runs each operation with them). */
export const example: OperationExample = (d) => ({ contactId: byId(d.contact.id) });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const contactId = await resolveContactId.call(this, itemIndex);
	const response = await callEndpoint.call(this, meta.endpoint, {
		pathParams: { contactId },
		itemIndex,
	});
	return { contactId, ...response };
}
