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
	action: 'Remove a contact from a campaign',
	description: 'Remove a contact from one campaign',
	endpoint: {
		method: 'DELETE',
		path: '/contacts/{contactId}/campaigns/{campaignId}',
		operationId: 'remove-contact-from-campaign',
		api: 'contacts',
		scopes: ['contacts.write'],
	},
};

export const properties: INodeProperties[] = [contactLocator(), idProperty('Campaign ID', 'campaignId', 'ID of the campaign')];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const campaignId = requireParameter(this, itemIndex, 'campaignId', 'Campaign ID');
	const contactId = await resolveContactId.call(this, itemIndex);
	const response = await ghlApiRequest.call(this, {
		method: 'DELETE',
		path: ghlPath`/contacts/${contactId}/campaigns/${campaignId}`,
		itemIndex,
	});
	return { contactId, campaignId, ...response };
}
