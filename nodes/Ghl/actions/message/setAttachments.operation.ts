import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint } from '../../../shared/transport';
import { messageIdProperty } from '../../helpers/conversations';
import { checkList, requireParameter } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Set Attachments',
	value: 'setAttachments',
	action: 'Set message attachments',
	description: 'Replace a call message’s attachments (e.g. its recordings) with up to 5 URLs',
	endpoint: { method: 'PUT', path: '/conversations/messages/{messageId}/attachments', operationId: 'add-message-attachments', api: 'conversations', scopes: ['conversations/message.write'] },
};

/** GHL keeps at most five attachment URLs on a message. */
const MAX_ATTACHMENTS = 5;

export const properties: INodeProperties[] = [
	messageIdProperty,
	{ displayName: 'Attachment URLs', name: 'attachments', type: 'string', required: true, default: '', description: 'Comma-separated URLs (at most 5); they replace the message’s attachments' },
];

export const example: OperationExample = (d) => ({ messageId: d.conversation.callMessageId, attachments: 'https://example.com/recording.wav' });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const messageId = requireParameter(this, itemIndex, 'messageId', 'Message ID');
	const attachments = checkList(this, itemIndex, 'Attachment URLs', this.getNodeParameter('attachments', itemIndex, ''));
	if (!attachments.length || attachments.length > MAX_ATTACHMENTS) {
		throw new NodeOperationError(this.getNode(), `Attachment URLs: expected 1 to ${MAX_ATTACHMENTS} URLs, got ${attachments.length}`, { itemIndex });
	}
	for (const url of attachments) {
		if (!/^https?:\/\/\S+$/i.test(url)) throw new NodeOperationError(this.getNode(), `Attachment URLs: expected http(s) URLs, got "${url}"`, { itemIndex });
	}
	return await callEndpoint.call(this, meta.endpoint, { pathParams: { messageId }, body: { attachments }, itemIndex });
}
