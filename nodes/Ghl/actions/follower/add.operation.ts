import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { ghlApiRequest, ghlPath } from '../../../shared/transport';
import { followersProperty } from '../../descriptions/common';
import { contactLocator } from '../../descriptions/contactLocator';
import { resolveContactId } from '../../helpers/contacts';
import { checkIdList } from '../../helpers/validation';
import type { OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Add',
	value: 'add',
	action: 'Add followers to a contact',
	description: 'Add users as followers of a contact',
	endpoint: {
		method: 'POST',
		path: '/contacts/{contactId}/followers',
		operationId: 'add-followers-contact',
		api: 'contacts',
		scopes: ['contacts.write'],
	},
};

export const properties: INodeProperties[] = [contactLocator(), followersProperty];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const followers = checkIdList(this, itemIndex, 'Followers', this.getNodeParameter('followers', itemIndex, []));
	const contactId = await resolveContactId.call(this, itemIndex);
	const response = await ghlApiRequest.call(this, {
		method: 'POST',
		path: ghlPath`/contacts/${contactId}/followers`,
		body: { followers },
		idempotent: true,
		itemIndex,
	});
	return { contactId, ...response };
}
