import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint, getLocationId } from '../../../shared/transport';
import { conversationIdProperty } from '../../helpers/conversations';
import { requireParameter } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Update',
	value: 'update',
	action: 'Update a conversation',
	description: 'Mark a conversation read or unread, star or unstar it',
	unwrap: 'conversation',
	endpoint: { method: 'PUT', path: '/conversations/{conversationId}', operationId: 'update-conversation', api: 'conversations', scopes: ['conversations.write'] },
};

export const properties: INodeProperties[] = [
	conversationIdProperty,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{ displayName: 'Starred', name: 'starred', type: 'boolean', default: true, description: 'Whether the conversation is starred' },
			{
				displayName: 'Unread Count',
				name: 'unreadCount',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 0 },
				default: 0,
				description: 'Messages shown as unread; 0 marks the conversation read',
			},
		],
	},
];

export const example: OperationExample = (d) => ({ conversationId: d.conversation.id, updateFields: { unreadCount: 0, starred: true } });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const conversationId = requireParameter(this, itemIndex, 'conversationId', 'Conversation ID');
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	if (fields.unreadCount !== undefined && (!Number.isInteger(fields.unreadCount) || Number(fields.unreadCount) < 0)) {
		throw new NodeOperationError(this.getNode(), `Unread Count: expected a whole number of 0 or more, got ${String(fields.unreadCount)}`, { itemIndex });
	}
	if (!Object.keys(fields).length) throw new NodeOperationError(this.getNode(), 'Update Fields: expected at least one field to change, got none', { itemIndex });
	return await callEndpoint.call(this, meta.endpoint, { pathParams: { conversationId }, body: { locationId: await getLocationId(this), ...fields }, itemIndex });
}
