import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint } from '../../../shared/transport';
import { contactLocator } from '../../descriptions/contactLocator';
import { checkText } from '../../helpers/validation';
import { byId } from '../types';
import type { OperationExample, OperationMeta } from '../types';
import { callBody, contactConversation, conversationProviderIdProperty, providerAdditionalFields, providerMessageBody } from './callFields';

export const meta: OperationMeta = {
	name: 'Add Inbound',
	value: 'addInbound',
	action: 'Add an inbound message',
	description: 'Put a message a contact sent through another app into the contact’s GHL conversation (nothing is sent)',
	endpoint: { method: 'POST', path: '/conversations/messages/inbound', operationId: 'add-an-inbound-message', api: 'conversations', scopes: ['conversations/message.write'] },
};

export const properties: INodeProperties[] = [
	contactLocator(),
	conversationProviderIdProperty,
	{
		displayName: 'Channel',
		name: 'type',
		type: 'options',
		options: [
			{ name: 'Call', value: 'Call' },
			{ name: 'Custom', value: 'Custom' },
			{ name: 'Email', value: 'Email' },
			{ name: 'Facebook', value: 'FB' },
			{ name: 'Google Business', value: 'GMB' },
			{ name: 'Instagram', value: 'IG' },
			{ name: 'Live Chat', value: 'Live_Chat' },
			{ name: 'SMS', value: 'SMS' },
			{ name: 'Web Chat', value: 'WebChat' },
			{ name: 'WhatsApp', value: 'WhatsApp' },
		],
		default: 'SMS',
	},
	{ displayName: 'Message', name: 'message', type: 'string', typeOptions: { rows: 4 }, default: '' },
	providerAdditionalFields([
		{ displayName: 'Attachment URLs', name: 'attachments', type: 'string', default: '', description: 'Comma-separated URLs of the message’s files' },
		{ displayName: 'Date', name: 'date', type: 'dateTime', default: '', description: 'When the message was sent (default: now)' },
		{ displayName: 'External ID', name: 'altId', type: 'string', default: '', description: 'The message’s ID in your app' },
		{ displayName: 'From Email', name: 'emailFrom', type: 'string', default: '' },
		{ displayName: 'HTML', name: 'html', type: 'string', typeOptions: { rows: 4 }, default: '', description: 'An email’s HTML body' },
		{ displayName: 'Subject', name: 'subject', type: 'string', default: '', description: 'An email’s subject' },
		{ displayName: 'To Email', name: 'emailTo', type: 'string', default: '' },
	]),
];

export const example: OperationExample = (d) => ({ contactId: byId(d.contact.id), conversationProviderId: 'sandbox-provider', type: 'SMS', message: 'Is it still available?' });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const type = this.getNodeParameter('type', itemIndex) as string;
	const extra = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body = providerMessageBody(this, itemIndex, type, extra, 'Attachment URLs');
	const message = checkText(this, itemIndex, 'Message', this.getNodeParameter('message', itemIndex, ''));
	if (message) body.message = message;
	for (const [field, label] of [['html', 'HTML'], ['subject', 'Subject'], ['emailFrom', 'From Email'], ['emailTo', 'To Email']] as const) {
		const value = checkText(this, itemIndex, label, extra[field]);
		if (value) body[field] = value;
	}
	if (type === 'Call') body.call = callBody(this, itemIndex, extra);
	if (!message && !body.html && !body.attachments && type !== 'Call') {
		throw new NodeOperationError(this.getNode(), 'Message: expected a message, HTML or attachments, got none', { itemIndex });
	}
	const { contactId, conversationId } = await contactConversation(this, itemIndex);
	return await callEndpoint.call(this, meta.endpoint, { body: { ...body, contactId, conversationId }, itemIndex });
}
