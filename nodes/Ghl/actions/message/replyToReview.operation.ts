import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint, getLocationId } from '../../../shared/transport';
import { conversationIdProperty } from '../../helpers/conversations';
import { requireParameter, requireText } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Reply to Review',
	value: 'replyToReview',
	action: 'Reply to a review',
	description: 'Answer a review (Google, Facebook) in its conversation',
	endpoint: { method: 'POST', path: '/conversations/messages/review-reply', operationId: 'send-review-reply', api: 'conversations', scopes: ['conversations/message.write'] },
};

export const properties: INodeProperties[] = [
	conversationIdProperty,
	{ displayName: 'Message', name: 'message', type: 'string', typeOptions: { rows: 4 }, required: true, default: '' },
];

export const example: OperationExample = (d) => ({ conversationId: d.conversation.id, message: 'Thank you for the kind words!' });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body: IDataObject = {
		conversationId: requireParameter(this, itemIndex, 'conversationId', 'Conversation ID'),
		locationId: await getLocationId(this),
		message: requireText(this, itemIndex, 'Message', this.getNodeParameter('message', itemIndex, '')),
	};
	return await callEndpoint.call(this, meta.endpoint, { body, itemIndex });
}
