import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { resolveContactId } from '../../helpers/contacts';
import { conversationOfContact, epochMs } from '../../helpers/conversations';
import { checkText, optionalList, requireText } from '../../helpers/validation';

/** The app that carries messages added from outside GHL (inbound messages, outbound calls). */
export const conversationProviderIdProperty: INodeProperties = {
	displayName: 'Conversation Provider ID',
	name: 'conversationProviderId',
	type: 'string',
	required: true,
	default: '',
	description: 'Your app’s conversation provider in GHL (marketplace app → Conversation Providers)',
};

/** The call details of a call message (inbound or outbound), in Additional Fields. */
export const callProperties: INodeProperties[] = [
	{ displayName: 'Call From', name: 'callFrom', type: 'string', default: '', placeholder: 'e.g. +15551234567', description: 'Number the call came from (calls only)' },
	{
		displayName: 'Call Status',
		name: 'callStatus',
		type: 'options',
		options: [
			{ name: 'Answered', value: 'answered' },
			{ name: 'Busy', value: 'busy' },
			{ name: 'Canceled', value: 'canceled' },
			{ name: 'Completed', value: 'completed' },
			{ name: 'Failed', value: 'failed' },
			{ name: 'No Answer', value: 'no-answer' },
			{ name: 'Pending', value: 'pending' },
			{ name: 'Voicemail', value: 'voicemail' },
		],
		default: 'completed',
		description: 'How the call ended (calls only)',
	},
	{ displayName: 'Call To', name: 'callTo', type: 'string', default: '', placeholder: 'e.g. +15557654321', description: 'Number called (calls only)' },
];

export function callBody(ctx: IExecuteFunctions, itemIndex: number, extra: IDataObject): IDataObject {
	const call: IDataObject = {};
	const from = checkText(ctx, itemIndex, 'Call From', extra.callFrom);
	const to = checkText(ctx, itemIndex, 'Call To', extra.callTo);
	if (from) call.from = from;
	if (to) call.to = to;
	call.status = extra.callStatus ?? 'completed';
	return call;
}

/** An n8n date input as the ISO date GHL takes, or undefined when empty. */
export function messageDate(ctx: IExecuteFunctions, itemIndex: number, value: unknown): string | undefined {
	const ms = epochMs(value);
	if (ms === undefined) return undefined;
	if (Number.isNaN(ms)) throw new NodeOperationError(ctx.getNode(), `Date: expected a date and time, got "${String(value)}"`, { itemIndex });
	return new Date(ms).toISOString();
}

/** Additional Fields of a message added from another app: `options` and the call details, in the node panel's order. */
export function providerAdditionalFields(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: sortedOptions([...options, ...callProperties]),
	};
}

/** Collection options in the node panel's order (by name). */
export function sortedOptions(options: INodeProperties[]): INodeProperties[] {
	return [...options].sort((a, b) => a.displayName.localeCompare(b.displayName));
}

/**
 * The body of a message added from another app (inbound message, outbound call): its type and
 * provider, and from Additional Fields its External ID, file URLs (`attachmentsLabel`) and date.
 */
export function providerMessageBody(ctx: IExecuteFunctions, itemIndex: number, type: string, extra: IDataObject, attachmentsLabel: string): IDataObject {
	const body: IDataObject = {
		type,
		conversationProviderId: requireText(ctx, itemIndex, 'Conversation Provider ID', ctx.getNodeParameter('conversationProviderId', itemIndex, '')),
	};
	const altId = checkText(ctx, itemIndex, 'External ID', extra.altId);
	if (altId) body.altId = altId;
	const attachments = optionalList(ctx, itemIndex, attachmentsLabel, extra.attachments);
	if (attachments.length) body.attachments = attachments;
	const date = messageDate(ctx, itemIndex, extra.date);
	if (date) body.date = date;
	return body;
}

/** The picked contact's ID and its conversation's (started when it has none), after every check. */
export async function contactConversation(ctx: IExecuteFunctions, itemIndex: number): Promise<{ contactId: string; conversationId: string }> {
	const contactId = await resolveContactId.call(ctx, itemIndex);
	return { contactId, conversationId: await conversationOfContact(ctx, itemIndex, contactId) };
}
