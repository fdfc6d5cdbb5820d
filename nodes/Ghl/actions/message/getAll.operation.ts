import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint } from '../../../shared/transport';
import { pagingProperties } from '../../descriptions/paging';
import { conversationIdProperty } from '../../helpers/conversations';
import { readLimit } from '../../helpers/paging';
import { requireParameter } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many messages',
	description: 'Get the messages of a conversation, newest first',
	endpoint: { method: 'GET', path: '/conversations/{conversationId}/messages', operationId: 'get-messages', api: 'conversations', scopes: ['conversations/message.readonly'] },
};

/** GHL's largest page of messages. */
const PAGE_SIZE = 100;

const MESSAGE_TYPES = [
	['Appointment Activity', 'TYPE_ACTIVITY_APPOINTMENT'],
	['Call', 'TYPE_CALL'],
	['Contact Activity', 'TYPE_ACTIVITY_CONTACT'],
	['Email', 'TYPE_EMAIL'],
	['Facebook', 'TYPE_FACEBOOK'],
	['Form Submission', 'TYPE_FORM_SUBMISSION'],
	['Google Business', 'TYPE_GMB'],
	['Instagram', 'TYPE_INSTAGRAM'],
	['Internal Comment', 'TYPE_INTERNAL_COMMENTS'],
	['Invoice Activity', 'TYPE_ACTIVITY_INVOICE'],
	['Live Chat', 'TYPE_LIVE_CHAT'],
	['Opportunity Activity', 'TYPE_ACTIVITY_OPPORTUNITY'],
	['Payment Activity', 'TYPE_ACTIVITY_PAYMENT'],
	['RCS', 'TYPE_RCS'],
	['SMS', 'TYPE_SMS'],
	['TikTok', 'TYPE_TIKTOK'],
	['WhatsApp', 'TYPE_WHATSAPP'],
].map(([name, value]) => ({ name, value }));

export const properties: INodeProperties[] = [
	conversationIdProperty,
	...pagingProperties,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [{ displayName: 'Message Type', name: 'type', type: 'options', options: MESSAGE_TYPES, default: 'TYPE_SMS', description: 'Only messages of this type' }],
	},
];

export const example: OperationExample = (d) => ({ conversationId: d.conversation.id, returnAll: true });

/** GHL's answer is documented flat ({lastMessageId, nextPage, messages}) and seen nested one level under `messages`: both are read. */
function pageOf(response: IDataObject): { messages: IDataObject[]; nextPage: boolean; lastMessageId?: string } {
	const inner = response.messages !== null && typeof response.messages === 'object' && !Array.isArray(response.messages) ? (response.messages as IDataObject) : response;
	return {
		messages: Array.isArray(inner.messages) ? (inner.messages as IDataObject[]) : [],
		nextPage: inner.nextPage === true,
		lastMessageId: typeof inner.lastMessageId === 'string' ? inner.lastMessageId : undefined,
	};
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const conversationId = requireParameter(this, itemIndex, 'conversationId', 'Conversation ID');
	const type = (this.getNodeParameter('filters', itemIndex, {}) as IDataObject).type as string | undefined;
	const max = readLimit(this, itemIndex);
	const found: IDataObject[] = [];
	let lastMessageId: string | undefined;
	for (;;) {
		const limit = max === undefined ? PAGE_SIZE : Math.min(PAGE_SIZE, max - found.length);
		const qs: IDataObject = { limit, ...(type ? { type } : {}), ...(lastMessageId ? { lastMessageId } : {}) };
		const page = pageOf(await callEndpoint.call(this, meta.endpoint, { pathParams: { conversationId }, qs, itemIndex }));
		found.push(...page.messages);
		if (!page.nextPage || !page.messages.length || (max !== undefined && found.length >= max)) break;
		const next = page.lastMessageId ?? String(page.messages[page.messages.length - 1].id);
		// A cursor that does not move would ask for the same page forever.
		if (next === lastMessageId) break;
		lastMessageId = next;
	}
	return max === undefined ? found : found.slice(0, max);
}
