import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint } from '../../../shared/transport';
import { messageIdProperty } from '../../helpers/conversations';
import { optionalList, checkText, requireParameter } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Update Status',
	value: 'updateStatus',
	action: 'Update a message status',
	description: 'Report what happened to a message your conversation provider sent (delivered, read, failed)',
	endpoint: { method: 'PUT', path: '/conversations/messages/{messageId}/status', operationId: 'update-message-status', api: 'conversations', scopes: ['conversations/message.write'] },
};

export const properties: INodeProperties[] = [
	messageIdProperty,
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: [
			{ name: 'Delivered', value: 'delivered' },
			{ name: 'Failed', value: 'failed' },
			{ name: 'Pending', value: 'pending' },
			{ name: 'Read', value: 'read' },
		],
		default: 'delivered',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{ displayName: 'Email Message ID', name: 'emailMessageId', type: 'string', default: '', description: 'For an email: its email message ID' },
			{ displayName: 'Error Code', name: 'errorCode', type: 'string', default: '', description: 'Why it failed: your provider’s error code' },
			{ displayName: 'Error Message', name: 'errorMessage', type: 'string', default: '', description: 'Why it failed, in words' },
			{ displayName: 'Recipients', name: 'recipients', type: 'string', default: '', description: 'Comma-separated recipients the status is for (email)' },
		],
	},
];

export const example: OperationExample = (d) => ({ messageId: d.conversation.messageId, status: 'read' });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const messageId = requireParameter(this, itemIndex, 'messageId', 'Message ID');
	const status = this.getNodeParameter('status', itemIndex) as string;
	const extra = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = { status };
	const emailMessageId = checkText(this, itemIndex, 'Email Message ID', extra.emailMessageId);
	if (emailMessageId) body.emailMessageId = emailMessageId;
	const recipients = optionalList(this, itemIndex, 'Recipients', extra.recipients);
	if (recipients.length) body.recipients = recipients;
	const code = checkText(this, itemIndex, 'Error Code', extra.errorCode);
	const message = checkText(this, itemIndex, 'Error Message', extra.errorMessage);
	if (status === 'failed' && (code || message)) body.error = { code: code || 'error', type: 'provider', message: message || code };
	return await callEndpoint.call(this, meta.endpoint, { pathParams: { messageId }, body, itemIndex });
}
