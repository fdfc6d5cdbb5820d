import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { getLocationId } from '../../shared/transport';
import { callEndpoint } from '../../shared/transport';
import type { GhlEndpoint } from '../../shared/transport';
import { idProperty } from '../descriptions/common';

export const conversationIdProperty = idProperty('Conversation ID', 'conversationId', 'The conversation (GHL keeps one per contact); Conversation → Search finds it by contact');
export const messageIdProperty = idProperty('Message ID', 'messageId', 'The message, e.g. from Message → Get Many or a message webhook');

const SEARCH: GhlEndpoint = {
	method: 'GET',
	path: '/conversations/search',
	operationId: 'search-conversation',
	api: 'conversations',
	scopes: ['conversations.readonly'],
};

const CREATE: GhlEndpoint = {
	method: 'POST',
	path: '/conversations/',
	operationId: 'create-conversation',
	api: 'conversations',
	scopes: ['conversations.write'],
};

/**
 * The contact's conversation (GHL keeps one per contact), made when the contact has none yet: what
 * inbound/outbound messages and uploads need, since GHL's API takes a conversation, not a contact.
 */
export async function conversationOfContact(ctx: IExecuteFunctions, itemIndex: number, contactId: string): Promise<string> {
	const locationId = await getLocationId(ctx);
	const found = await callEndpoint.call(ctx, SEARCH, { qs: { locationId, contactId, limit: 1 }, itemIndex });
	const [conversation] = (found.conversations ?? []) as IDataObject[];
	if (conversation?.id) return String(conversation.id);
	const created = await callEndpoint.call(ctx, CREATE, { body: { locationId, contactId }, itemIndex });
	return String((created.conversation as IDataObject).id);
}

/** Milliseconds since the epoch of an n8n date input, or undefined when empty; refuses what is not a date. */
export function epochMs(value: unknown): number | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const ms = typeof value === 'number' ? value : Date.parse(String(value));
	return Number.isNaN(ms) ? Number.NaN : ms;
}
