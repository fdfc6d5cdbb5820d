import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint, getLocationId } from '../../../shared/transport';
import { conversationIdProperty } from '../../helpers/conversations';
import { requireParameter, requireText } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Send Typing Indicator',
	value: 'sendTypingIndicator',
	action: 'Send a live chat typing indicator',
	description: 'Show (or stop showing) “agent is typing” to a live chat visitor',
	endpoint: { method: 'POST', path: '/conversations/providers/live-chat/typing', operationId: 'live-chat-agent-typing', api: 'conversations', scopes: ['conversations/livechat.write'] },
};

export const properties: INodeProperties[] = [
	conversationIdProperty,
	{ displayName: 'Visitor ID', name: 'visitorId', type: 'string', required: true, default: '', description: 'The live chat visitor (from the live chat message)' },
	{ displayName: 'Is Typing', name: 'isTyping', type: 'boolean', default: true, description: 'Whether the agent is typing (false hides the indicator)' },
];

export const example: OperationExample = (d) => ({ conversationId: d.conversation.id, visitorId: 'visitor-1', isTyping: true });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body: IDataObject = {
		locationId: await getLocationId(this),
		conversationId: requireParameter(this, itemIndex, 'conversationId', 'Conversation ID'),
		visitorId: requireText(this, itemIndex, 'Visitor ID', this.getNodeParameter('visitorId', itemIndex, '')),
		// GHL's spec types isTyping as text.
		isTyping: String(this.getNodeParameter('isTyping', itemIndex, true) === true),
	};
	return await callEndpoint.call(this, meta.endpoint, { body, itemIndex });
}
