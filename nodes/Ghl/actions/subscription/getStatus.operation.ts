import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint, getLocationId } from '../../../shared/transport';
import { contactLocator } from '../../descriptions/contactLocator';
import { resolveContactId } from '../../helpers/contacts';
import { checkEmail } from '../../helpers/validation';
import { byId } from '../types';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Get Status',
	value: 'getStatus',
	action: 'Get a contact subscription status',
	description: 'Which subscription types a contact is subscribed to or unsubscribed from, per email address',
	endpoint: { method: 'GET', path: '/conversations/preferences/unsubscriptions/status', operationId: 'get-contact-unsubscription-status', api: 'conversations', scopes: [] },
};

export const properties: INodeProperties[] = [
	contactLocator(),
	{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '', description: 'Only this address of the contact (default: all of them)' },
];

export const example: OperationExample = (d) => ({ contactId: byId(d.contact.id) });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const email = this.getNodeParameter('email', itemIndex, '') as string;
	const qs: IDataObject = { locationId: await getLocationId(this), contactId: await resolveContactId.call(this, itemIndex) };
	if (email) qs.email = checkEmail(this, itemIndex, 'Email', email);
	return await callEndpoint.call(this, meta.endpoint, { qs, itemIndex });
}
