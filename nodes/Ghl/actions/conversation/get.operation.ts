import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint } from '../../../shared/transport';
import { conversationIdProperty } from '../../helpers/conversations';
import { requireParameter } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Get',
	value: 'get',
	action: 'Get a conversation',
	description: 'Get a conversation by ID',
	endpoint: { method: 'GET', path: '/conversations/{conversationId}', operationId: 'get-conversation', api: 'conversations', scopes: ['conversations.readonly'] },
};

export const properties: INodeProperties[] = [conversationIdProperty];

export const example: OperationExample = (d) => ({ conversationId: d.conversation.id });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const conversationId = requireParameter(this, itemIndex, 'conversationId', 'Conversation ID');
	return await callEndpoint.call(this, meta.endpoint, { pathParams: { conversationId }, itemIndex });
}
