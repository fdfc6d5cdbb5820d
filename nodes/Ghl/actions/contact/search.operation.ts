import { jsonParse, NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { getLocationId, searchContactsPaged } from '../../../shared/transport';
import { pagingProperties } from '../../descriptions/paging';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many contacts',
	description: 'Search contacts with filters, sort and a free-text query (POST /contacts/search)',
	readmeNote: 'search: filters, sort, query, Return All',
	endpoint: {
		method: 'POST',
		path: '/contacts/search',
		operationId: 'search-contacts-advanced',
		api: 'contacts',
		scopes: ['contacts.readonly'],
	},
};

const OPERATORS = [
	{ name: 'Contains', value: 'contains' },
	{ name: 'Does Not Contain', value: 'not_contains' },
	{ name: 'Does Not Exist', value: 'not_exists' },
	{ name: 'Equals', value: 'eq' },
	{ name: 'Exists', value: 'exists' },
	{ name: 'Not Equals', value: 'not_eq' },
	{ name: 'Range', value: 'range' },
];

export const properties: INodeProperties[] = [
	...pagingProperties,
	{
		displayName: 'Query',
		name: 'query',
		type: 'string',
		default: '',
		description: 'Free text matched against name, email, phone and more (up to 75 characters)',
	},
	{
		displayName: 'Filters',
		name: 'filtersUi',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Filter',
				name: 'filter',
				values: [
					{
						displayName: 'Field',
						name: 'field',
						type: 'string',
						default: '',
						placeholder: 'e.g. tags, email, firstNameLowerCase, dateAdded, customFields.{fieldId}',
						description: 'GHL contact field to filter on',
					},
					{ displayName: 'Operator', name: 'operator', type: 'options', options: OPERATORS, default: 'eq' },
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description: 'For Range: JSON such as {"gte": "2026-01-01", "lte": "2026-02-01"}. Not used by Exists / Does Not Exist.',
					},
				],
			},
		],
	},
	{
		displayName: 'Match',
		name: 'filterCombination',
		type: 'options',
		options: [
			{ name: 'All Filters (AND)', value: 'AND' },
			{ name: 'Any Filter (OR)', value: 'OR' },
		],
		default: 'AND',
	},
	{
		displayName: 'Sort',
		name: 'sortUi',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Sort Rule',
		default: {},
		options: [
			{
				displayName: 'Sort Rule',
				name: 'rule',
				values: [
					{ displayName: 'Field', name: 'field', type: 'string', default: 'dateAdded' },
					{
						displayName: 'Direction',
						name: 'direction',
						type: 'options',
						options: [
							{ name: 'Ascending', value: 'asc' },
							{ name: 'Descending', value: 'desc' },
						],
						default: 'desc',
					},
				],
			},
		],
	},
	{
		displayName: 'Advanced Filters (JSON)',
		name: 'filtersJson',
		type: 'json',
		default: '',
		description: 'GHL filters array with nested {"group": "AND"|"OR", "filters": [...]} groups; added to the filters above',
	},
];

function filterValue(ctx: IExecuteFunctions, itemIndex: number, operator: string, raw: string): unknown {
	if (operator === 'exists' || operator === 'not_exists') return undefined;
	if (operator !== 'range') return raw;
	try {
		return jsonParse<IDataObject>(raw);
	} catch {
		throw new NodeOperationError(ctx.getNode(), `Filters: a Range value must be JSON like {"gte": 1, "lte": 5}, got "${raw}"`, {
			itemIndex,
		});
	}
}

/** Parameters that run this operation against the sandbox's seeded data (test/catalogue.test.ts runs each operation with them). */
export const example: OperationExample = () => ({ returnAll: false, limit: 1 });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const rows = ((this.getNodeParameter('filtersUi', itemIndex, {}) as IDataObject).filter ?? []) as IDataObject[];
	const filters: IDataObject[] = rows.map((row) => {
		const operator = String(row.operator);
		const value = filterValue(this, itemIndex, operator, String(row.value ?? ''));
		if (!String(row.field ?? '').trim()) {
			throw new NodeOperationError(this.getNode(), 'Filters: every filter needs a Field', { itemIndex });
		}
		return { field: String(row.field).trim(), operator, ...(value === undefined ? {} : { value }) };
	});
	const combined: IDataObject[] =
		filters.length > 1 && this.getNodeParameter('filterCombination', itemIndex, 'AND') === 'OR'
			? [{ group: 'OR', filters }]
			: filters;

	const advanced = this.getNodeParameter('filtersJson', itemIndex, '') as string | IDataObject[];
	if (advanced) {
		const parsed = typeof advanced === 'string' ? jsonParse<IDataObject[]>(advanced) : advanced;
		if (!Array.isArray(parsed)) {
			throw new NodeOperationError(this.getNode(), 'Advanced Filters (JSON): expected a JSON array of filters', { itemIndex });
		}
		combined.push(...parsed);
	}
	const sort = ((this.getNodeParameter('sortUi', itemIndex, {}) as IDataObject).rule ?? []) as IDataObject[];
	const query = (this.getNodeParameter('query', itemIndex, '') as string).trim();
	if (query.length > 75) {
		throw new NodeOperationError(this.getNode(), `Query: expected at most 75 characters, got ${query.length}`, { itemIndex });
	}

	const body: IDataObject = {
		locationId: await getLocationId(this),
		...(query ? { query } : {}),
		...(combined.length ? { filters: combined } : {}),
		...(sort.length ? { sort } : {}),
	};
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
	return await searchContactsPaged.call(this, body, limit, itemIndex);
}
