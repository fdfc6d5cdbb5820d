import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { ghlApiRequest, ghlPath } from '../../../shared/transport';
import { contactLocator } from '../../descriptions/contactLocator';
import { resolveContactId } from '../../helpers/contacts';
import type { OperationMeta } from '../types';

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

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const contactId = await resolveContactId.call(this, itemIndex);
	const response = await ghlApiRequest.call(this, {
		method: 'DELETE',
		path: ghlPath`/contacts/${contactId}/campaigns/removeAll`,
		itemIndex,
	});
	return { contactId, ...response };
}
