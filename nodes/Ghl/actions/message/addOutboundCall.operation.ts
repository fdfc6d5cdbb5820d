import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint } from '../../../shared/transport';
import { contactLocator } from '../../descriptions/contactLocator';
import { byId } from '../types';
import type { OperationExample, OperationMeta } from '../types';
import { callBody, contactConversation, conversationProviderIdProperty, providerAdditionalFields, providerMessageBody } from './callFields';

export const meta: OperationMeta = {
	name: 'Add Outbound Call',
	value: 'addOutboundCall',
	action: 'Add an outbound call',
	description: 'Log a call made through another app in the contact’s GHL conversation',
	endpoint: { method: 'POST', path: '/conversations/messages/outbound', operationId: 'add-an-outbound-message', api: 'conversations', scopes: ['conversations/message.write'] },
};

export const properties: INodeProperties[] = [
	contactLocator(),
	conversationProviderIdProperty,
	providerAdditionalFields([
		{ displayName: 'Date', name: 'date', type: 'dateTime', default: '', description: 'When the call was made (default: now)' },
		{ displayName: 'External ID', name: 'altId', type: 'string', default: '', description: 'The call’s ID in your app' },
		{ displayName: 'Recording URLs', name: 'attachments', type: 'string', default: '', description: 'Comma-separated URLs of the call’s recordings' },
	]),
];

export const example: OperationExample = (d) => ({ contactId: byId(d.contact.id), conversationProviderId: 'sandbox-provider', additionalFields: { callTo: '+15550100', callStatus: 'completed' } });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const extra = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body = providerMessageBody(this, itemIndex, 'Call', extra, 'Recording URLs');
	body.call = callBody(this, itemIndex, extra);
	// GHL's outbound body (ProcessOutboundMessageBodyDto) names the conversation, not the contact.
	const { conversationId } = await contactConversation(this, itemIndex);
	return await callEndpoint.call(this, meta.endpoint, { body: { ...body, conversationId }, itemIndex });
}
