import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { endpointRequest, getLocationId, getSkipPaged } from '../../../shared/transport';
import { idProperty } from '../../descriptions/common';
import { pagingProperties } from '../../descriptions/paging';
import { readLimit } from '../../helpers/paging';
import { checkIdList, requireParameter } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many relations of a record',
	description: 'List the relations of a record (on either side), optionally under some associations only',
	readmeNote: 'of a record, Return All',
	endpoint: {
		method: 'GET',
		path: '/associations/relations/{recordId}',
		operationId: 'get-relations-by-record-id',
		api: 'associations',
		scopes: ['associations/relation.readonly'],
	},
};

export const properties: INodeProperties[] = [
	idProperty('Record ID', 'recordId', 'ID of the record (contact, opportunity, business or custom object record) whose relations to list'),
	...pagingProperties,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Association Names or IDs',
				name: 'associationIds',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getAssociations' },
				default: [],
				description:
					'Only relations under these associations. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
		],
	},
];

export const example: OperationExample = (d) => ({ recordId: d.association.contactId, returnAll: true, filters: { associationIds: [d.association.id] } });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const recordId = requireParameter(this, itemIndex, 'recordId', 'Record ID');
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = { locationId: await getLocationId(this) };
	if (filters.associationIds !== undefined && (filters.associationIds as unknown[]).length !== 0) {
		qs.associationIds = checkIdList(this, itemIndex, 'Association Names or IDs', filters.associationIds);
	}
	// Paged with skip/limit, 100 a page at most.
	return await getSkipPaged.call(this, endpointRequest(meta.endpoint, { pathParams: { recordId }, qs, itemIndex }), 'relations', readLimit(this, itemIndex));
}
