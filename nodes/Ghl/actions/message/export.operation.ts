import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint, getLocationId } from '../../../shared/transport';
import { pagingProperties } from '../../descriptions/paging';
import { epochMs } from '../../helpers/conversations';
import { readLimit } from '../../helpers/paging';
import { checkId } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Export',
	value: 'export',
	action: 'Export messages',
	description: 'Get the location’s messages across conversations, by channel and date, oldest first',
	endpoint: { method: 'GET', path: '/conversations/messages/export', operationId: 'export-messages-by-location', api: 'conversations', scopes: ['conversations/message.readonly'] },
};

/** GHL's largest page of exported messages. */
const PAGE_SIZE = 100;

export const properties: INodeProperties[] = [
	...pagingProperties,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Channel',
				name: 'channel',
				type: 'options',
				options: [
					{ name: 'Call', value: 'Call' },
					{ name: 'Email', value: 'Email' },
					{ name: 'Facebook', value: 'Facebook' },
					{ name: 'Instagram', value: 'Instagram' },
					{ name: 'SMS', value: 'SMS' },
					{ name: 'WhatsApp', value: 'WhatsApp' },
				],
				default: 'SMS',
				description: 'Without a channel GHL exports every kind of message except email',
			},
			{ displayName: 'Contact ID', name: 'contactId', type: 'string', default: '' },
			{ displayName: 'Conversation ID', name: 'conversationId', type: 'string', default: '' },
			{ displayName: 'From', name: 'startDate', type: 'dateTime', default: '', description: 'Messages created at or after this time' },
			{ displayName: 'Newest First', name: 'newestFirst', type: 'boolean', default: false, description: 'Whether to list the newest messages first' },
			{ displayName: 'To', name: 'endDate', type: 'dateTime', default: '', description: 'Messages created at or before this time' },
		],
	},
];

export const example: OperationExample = () => ({ returnAll: true, filters: { channel: 'SMS' } });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = { locationId: await getLocationId(this), sortBy: 'createdAt', sortOrder: filters.newestFirst ? 'desc' : 'asc' };
	if (filters.channel) qs.channel = filters.channel;
	if (filters.contactId) qs.contactId = checkId(this, itemIndex, 'Filters → Contact ID', filters.contactId);
	if (filters.conversationId) qs.conversationId = checkId(this, itemIndex, 'Filters → Conversation ID', filters.conversationId);
	for (const [name, label] of [['startDate', 'From'], ['endDate', 'To']] as const) {
		const ms = epochMs(filters[name]);
		if (Number.isNaN(ms)) throw new NodeOperationError(this.getNode(), `Filters → ${label}: expected a date and time, got "${String(filters[name])}"`, { itemIndex });
		if (ms !== undefined) qs[name] = new Date(ms).toISOString();
	}
	const max = readLimit(this, itemIndex);
	const found: IDataObject[] = [];
	let cursor: string | undefined;
	for (;;) {
		const limit = max === undefined ? PAGE_SIZE : Math.min(PAGE_SIZE, max - found.length);
		const response = await callEndpoint.call(this, meta.endpoint, { qs: { ...qs, limit, ...(cursor ? { cursor } : {}) }, itemIndex });
		const page = (response.messages ?? []) as IDataObject[];
		found.push(...page);
		const next = typeof response.nextCursor === 'string' && response.nextCursor ? response.nextCursor : undefined;
		// Stops at the last page, at the Limit, and if GHL hands back the cursor it was given.
		if (!next || next === cursor || !page.length || (max !== undefined && found.length >= max)) break;
		cursor = next;
	}
	return max === undefined ? found : found.slice(0, max);
}
