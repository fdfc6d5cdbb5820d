import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint } from '../../../shared/transport';
import { messageIdProperty } from '../../helpers/conversations';
import { requireParameter } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Get',
	value: 'get',
	action: 'Get a message',
	description: 'Get a message by ID',
	endpoint: { method: 'GET', path: '/conversations/messages/{id}', operationId: 'get-message', api: 'conversations', scopes: ['conversations/message.readonly'] },
};

export const properties: INodeProperties[] = [messageIdProperty];

export const example: OperationExample = (d) => ({ messageId: d.conversation.messageId });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const messageId = requireParameter(this, itemIndex, 'messageId', 'Message ID');
	return await callEndpoint.call(this, meta.endpoint, { pathParams: { id: messageId }, itemIndex });
}
