import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint, getLocationId } from '../../../shared/transport';
import { pagingProperties } from '../../descriptions/paging';
import { readLimit } from '../../helpers/paging';
import { checkId, checkText } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Search',
	value: 'search',
	action: 'Search conversations',
	description: 'Find conversations by contact, text, status or last message, newest first',
	endpoint: { method: 'GET', path: '/conversations/search', operationId: 'search-conversation', api: 'conversations', scopes: ['conversations.readonly'] },
};

/** GHL's largest page of conversations. */
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
			{ displayName: 'Assigned To Name or ID', name: 'assignedTo', type: 'options', typeOptions: { loadOptionsMethod: 'getUsers' }, default: '', description: 'Conversations assigned to this user. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.' },
			{ displayName: 'Contact ID', name: 'contactId', type: 'string', default: '', description: 'Only the conversation of this contact' },
			{
				displayName: 'Last Message Direction',
				name: 'lastMessageDirection',
				type: 'options',
				options: [
					{ name: 'Inbound', value: 'inbound' },
					{ name: 'Outbound', value: 'outbound' },
				],
				default: 'inbound',
			},
			{ displayName: 'Query', name: 'query', type: 'string', default: '', description: 'Text matched against the contact’s name, email, phone and the last message' },
			{
				displayName: 'Sort',
				name: 'sort',
				type: 'options',
				options: [
					{ name: 'Newest First', value: 'desc' },
					{ name: 'Oldest First', value: 'asc' },
				],
				default: 'desc',
				description: 'Order by the last message’s date',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: [
					{ name: 'All', value: 'all' },
					{ name: 'Read', value: 'read' },
					{ name: 'Recents', value: 'recents' },
					{ name: 'Starred', value: 'starred' },
					{ name: 'Unread', value: 'unread' },
				],
				default: 'all',
			},
		],
	},
];

export const example: OperationExample = () => ({ returnAll: true });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = { locationId: await getLocationId(this) };
	for (const name of ['assignedTo', 'lastMessageDirection', 'query', 'sort', 'status']) {
		const value = checkText(this, itemIndex, name, filters[name]);
		if (value) qs[name] = value;
	}
	if (filters.contactId) qs.contactId = checkId(this, itemIndex, 'Filters → Contact ID', filters.contactId);
	const max = readLimit(this, itemIndex);
	const found: IDataObject[] = [];
	let startAfterDate: number | undefined;
	for (;;) {
		const limit = max === undefined ? PAGE_SIZE : Math.min(PAGE_SIZE, max - found.length);
		const response = await callEndpoint.call(this, meta.endpoint, { qs: { ...qs, limit, ...(startAfterDate === undefined ? {} : { startAfterDate }) }, itemIndex });
		const page = (response.conversations ?? []) as IDataObject[];
		found.push(...page);
		const total = Number(response.total ?? Number.POSITIVE_INFINITY);
		if (page.length < limit || found.length >= total || (max !== undefined && found.length >= max)) break;
		// The next page starts after the last conversation's sort value (GHL returns it as `sort`).
		const last = page[page.length - 1];
		const next = Array.isArray(last.sort) ? Number(last.sort[0]) : Number(last.lastMessageDate);
		if (!Number.isFinite(next) || next === startAfterDate) {
			// Stopping here would return a part as if it were all.
			throw new NodeOperationError(this.getNode(), `GHL's page of conversations gives no sort value to continue after (${found.length} of ${total} read)`, {
				itemIndex,
				description: 'Narrow the search with Filters, or turn off Return All and set a Limit of 100 or less.',
			});
		}
		startAfterDate = next;
	}
	return found;
}
