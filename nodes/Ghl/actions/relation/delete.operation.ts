import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint, getLocationId } from '../../../shared/transport';
import { relationIdProperty } from '../../descriptions/associationFields';
import { requireParameter } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete a relation',
	description: 'Unlink two records (the records stay)',
	endpoint: {
		method: 'DELETE',
		path: '/associations/relations/{relationId}',
		operationId: 'delete-relation',
		api: 'associations',
		scopes: ['associations/relation.write'],
	},
};

export const properties: INodeProperties[] = [relationIdProperty];

export const example: OperationExample = (d) => ({ relationId: d.association.relationId });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const relationId = requireParameter(this, itemIndex, 'relationId', 'Relation ID');
	return await callEndpoint.call(this, meta.endpoint, { pathParams: { relationId }, qs: { locationId: await getLocationId(this) }, itemIndex });
}
