import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint } from '../../../shared/transport';
import { campaignProperty } from '../../descriptions/common';
import { contactLocator } from '../../descriptions/contactLocator';
import { resolveContactId } from '../../helpers/contacts';
import { requireParameter } from '../../helpers/validation';
import { byId } from '../types';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Add Contact',
	value: 'addContact',
	action: 'Add a contact to a campaign',
	description: 'Add a contact to a campaign',
	endpoint: {
		method: 'POST',
		path: '/contacts/{contactId}/campaigns/{campaignId}',
		operationId: 'add-contact-to-campaign',
		api: 'contacts',
		scopes: ['contacts.write'],
	},
};

export const properties: INodeProperties[] = [contactLocator(), campaignProperty];

/** Parameters that run this operation against the sandbox's seeded data (test/catalogue.test.ts runs each operation with them). */
export const example: OperationExample = (d) => ({ contactId: byId(d.secondContactId), campaignId: d.campaignIds[0] });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const campaignId = requireParameter(this, itemIndex, 'campaignId', 'Campaign ID');
	const contactId = await resolveContactId.call(this, itemIndex);
	// The body is required but its schema (AddContactToCampaignDto) is empty.
	const response = await callEndpoint.call(this, meta.endpoint, {
		pathParams: { contactId, campaignId },
		body: {},
		idempotent: true,
		itemIndex,
	});
	return { contactId, campaignId, ...response };
}
