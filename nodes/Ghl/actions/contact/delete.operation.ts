import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { ghlApiRequest, ghlPath } from '../../../shared/transport';
import { contactLocator } from '../../descriptions/contactLocator';
import { resolveContactId } from '../../helpers/contacts';
import type { OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a contact',
	description: 'Delete a contact',
	endpoint: {
		method: 'DELETE',
		path: '/contacts/{contactId}',
		operationId: 'delete-contact',
		api: 'contacts',
		scopes: ['contacts.write'],
	},
};

export const properties: INodeProperties[] = [contactLocator()];

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const contactId = await resolveContactId.call(this, itemIndex);
	const response = await ghlApiRequest.call(this, { method: 'DELETE', path: ghlPath`/contacts/${contactId}`, itemIndex });
	return { contactId, ...response };
}
