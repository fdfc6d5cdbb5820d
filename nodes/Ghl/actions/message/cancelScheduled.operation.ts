import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint } from '../../../shared/transport';
import { messageIdProperty } from '../../helpers/conversations';
import { requireParameter } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Cancel Scheduled',
	value: 'cancelScheduled',
	action: 'Cancel a scheduled message',
	description: 'Cancel a message scheduled for later, before it is sent',
	endpoint: { method: 'DELETE', path: '/conversations/messages/{messageId}/schedule', operationId: 'cancel-scheduled-message', api: 'conversations', scopes: ['conversations/message.write'] },
};

export const properties: INodeProperties[] = [messageIdProperty];

export const example: OperationExample = (d) => ({ messageId: d.conversation.scheduledMessageId });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const messageId = requireParameter(this, itemIndex, 'messageId', 'Message ID');
	return await callEndpoint.call(this, meta.endpoint, { pathParams: { messageId }, itemIndex });
}
