import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint } from '../../../shared/transport';
import { contactLocator } from '../../descriptions/contactLocator';
import { resolveContactId } from '../../helpers/contacts';
import { conversationOfContact } from '../../helpers/conversations';
import { optionalList, checkText, requireText } from '../../helpers/validation';
import { byId } from '../types';
import type { OperationExample, OperationMeta } from '../types';
import { callBody, callProperties, messageDate, sortedOptions } from './callFields';

export const meta: OperationMeta = {
	name: 'Add Outbound Call',
	value: 'addOutboundCall',
	action: 'Add an outbound call',
	description: 'Log a call made through another app in the contact’s GHL conversation',
	endpoint: { method: 'POST', path: '/conversations/messages/outbound', operationId: 'add-an-outbound-message', api: 'conversations', scopes: ['conversations/message.write'] },
};

export const properties: INodeProperties[] = [
	contactLocator(),
	{
		displayName: 'Conversation Provider ID',
		name: 'conversationProviderId',
		type: 'string',
		required: true,
		default: '',
		description: 'Your app’s conversation provider in GHL (marketplace app → Conversation Providers)',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		// Sorted with the call fields in among them, as the node panel lists them.
		options: sortedOptions([
			{ displayName: 'Date', name: 'date', type: 'dateTime', default: '', description: 'When the call was made (default: now)' },
			{ displayName: 'External ID', name: 'altId', type: 'string', default: '', description: 'The call’s ID in your app' },
			{ displayName: 'Recording URLs', name: 'attachments', type: 'string', default: '', description: 'Comma-separated URLs of the call’s recordings' },
			...callProperties,
		]),
	},
];

export const example: OperationExample = (d) => ({ contactId: byId(d.contact.id), conversationProviderId: 'sandbox-provider', additionalFields: { callTo: '+15550100', callStatus: 'completed' } });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const extra = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = {
		type: 'Call',
		conversationProviderId: requireText(this, itemIndex, 'Conversation Provider ID', this.getNodeParameter('conversationProviderId', itemIndex, '')),
		call: callBody(this, itemIndex, extra),
	};
	const altId = checkText(this, itemIndex, 'External ID', extra.altId);
	if (altId) body.altId = altId;
	const attachments = optionalList(this, itemIndex, 'Recording URLs', extra.attachments);
	if (attachments.length) body.attachments = attachments;
	const date = messageDate(this, itemIndex, extra.date);
	if (date) body.date = date;
	const contactId = await resolveContactId.call(this, itemIndex);
	body.conversationId = await conversationOfContact(this, itemIndex, contactId);
	return await callEndpoint.call(this, meta.endpoint, { body, itemIndex });
}
