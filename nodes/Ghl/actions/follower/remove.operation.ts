import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint } from '../../../shared/transport';
import { followersProperty } from '../../descriptions/common';
import { contactLocator } from '../../descriptions/contactLocator';
import { resolveContactId } from '../../helpers/contacts';
import { checkIdList } from '../../helpers/validation';
import { byId } from '../types';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Remove',
	value: 'remove',
	action: 'Remove followers from a contact',
	description: 'Stop users following a contact',
	endpoint: {
		method: 'DELETE',
		path: '/contacts/{contactId}/followers',
		operationId: 'remove-followers-contact',
		api: 'contacts',
		scopes: ['contacts.write'],
	},
};

export const properties: INodeProperties[] = [contactLocator(), followersProperty];

/** Parameters that run this operation against the sandbox's seeded data (test/catalogue.test.ts runs each operation with them). */
export const example: OperationExample = (d) => ({ contactId: byId(d.contact.id), followers: [d.userIds[1]] });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const followers = checkIdList(this, itemIndex, 'Followers', this.getNodeParameter('followers', itemIndex, []));
	const contactId = await resolveContactId.call(this, itemIndex);
	const response = await callEndpoint.call(this, meta.endpoint, {
		pathParams: { contactId },
		body: { followers },
		itemIndex,
	});
	return { contactId, ...response };
}
