import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint, getLocationId } from '../../../shared/transport';
import { limitProperty, returnAllProperty } from '../../descriptions/paging';
import { readLimit } from '../../helpers/paging';
import { requireText } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Search',
	value: 'search',
	action: 'Search opportunities by text',
	description: 'Search the location’s opportunities by text, optionally with their notes, tasks and appointments',
	readmeNote: 'text, with notes, tasks and appointments',
	endpoint: {
		method: 'POST',
		path: '/opportunities/search',
		operationId: 'search-opportunities-advanced',
		api: 'opportunities',
		scopes: ['opportunities.readonly'],
	},
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Query',
		name: 'query',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Acme',
		description: 'Free text matched against the opportunity and its contact (GHL requires one; to list by filters use Get Many)',
	},
	returnAllProperty,
	limitProperty(),
	{
		displayName: 'Include',
		name: 'include',
		type: 'multiOptions',
		options: [
			{ name: 'Appointments', value: 'calendarEvents' },
			{ name: 'Notes', value: 'notes' },
			{ name: 'Tasks', value: 'tasks' },
			{ name: 'Unread Conversations', value: 'unReadConversations' },
		],
		default: [],
		description: 'What GHL adds to each opportunity',
	},
];

export const example: OperationExample = () => ({ query: 'Engines', returnAll: false, limit: 1 });

/** GHL's page size for this search. */
const PAGE_SIZE = 100;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const query = requireText(this, itemIndex, 'Query', this.getNodeParameter('query', itemIndex, ''));
	const include = this.getNodeParameter('include', itemIndex, []) as string[];
	const max = readLimit(this, itemIndex);
	const locationId = await getLocationId(this);
	const additionalDetails = Object.fromEntries(['notes', 'tasks', 'calendarEvents', 'unReadConversations'].map((name) => [name, include.includes(name)]));
	const found: IDataObject[] = [];
	// Pages by number (the spec's searchAfter is required but GHL documents no cursor for it).
	for (let page = 1; ; page++) {
		const limit = max === undefined ? PAGE_SIZE : Math.min(PAGE_SIZE, max - found.length);
		const response = await callEndpoint.call(this, meta.endpoint, {
			body: { locationId, query, limit, page, searchAfter: [], additionalDetails },
			// A search reads; it is a POST only because its terms travel in the body.
			idempotent: true,
			itemIndex,
		});
		const opportunities = (response.opportunities ?? []) as IDataObject[];
		found.push(...opportunities);
		const total = Number(response.total ?? 0);
		if (opportunities.length < limit || found.length >= total || (max !== undefined && found.length >= max)) break;
	}
	return max === undefined ? found : found.slice(0, max);
}
