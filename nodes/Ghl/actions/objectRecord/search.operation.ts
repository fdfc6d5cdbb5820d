import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { endpointRequest, getLocationId, searchRecordsPaged } from '../../../shared/transport';
import { objectSchemaProperty } from '../../descriptions/customObjectFields';
import { pagingProperties } from '../../descriptions/paging';
import { readObjectKey } from '../../helpers/objectRecordBody';
import { readLimit } from '../../helpers/paging';
import { checkText } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Search',
	value: 'search',
	action: 'Search object records',
	description: 'Find records of a custom object by its searchable fields, or list them all',
	readmeNote: 'Return All',
	endpoint: {
		method: 'POST',
		path: '/objects/{schemaKey}/records/search',
		operationId: 'search-object-records',
		api: 'objects',
		scopes: ['objects/record.readonly'],
	},
};

export const properties: INodeProperties[] = [
	objectSchemaProperty({ customOnly: true }),
	{
		displayName: 'Query',
		name: 'query',
		type: 'string',
		default: '',
		placeholder: 'e.g. name:Buddy',
		description: 'Text looked for in the object’s searchable fields, or field:text for one field. Empty: every record.',
	},
	...pagingProperties,
];

export const example: OperationExample = (d) => ({ schemaKey: d.customObject.key, query: '', returnAll: true });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const schemaKey = readObjectKey(this, itemIndex);
	const query = checkText(this, itemIndex, 'Query', this.getNodeParameter('query', itemIndex, ''));
	const request = endpointRequest(meta.endpoint, { pathParams: { schemaKey }, body: { locationId: await getLocationId(this), query }, itemIndex });
	return await searchRecordsPaged.call(this, request, readLimit(this, itemIndex));
}
