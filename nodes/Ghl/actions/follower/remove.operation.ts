import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { ghlApiRequest, ghlPath } from '../../../shared/transport';
import { followersProperty } from '../../descriptions/common';
import { contactLocator } from '../../descriptions/contactLocator';
import { resolveContactId } from '../../helpers/contacts';
import { checkIdList } from '../../helpers/validation';
import type { OperationMeta } from '../types';

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

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const followers = checkIdList(this, itemIndex, 'Followers', this.getNodeParameter('followers', itemIndex, []));
	const contactId = await resolveContactId.call(this, itemIndex);
	const response = await ghlApiRequest.call(this, {
		method: 'DELETE',
		path: ghlPath`/contacts/${contactId}/followers`,
		body: { followers },
		itemIndex,
	});
	return { contactId, ...response };
}
