import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint } from '../../../shared/transport';
import { opportunityIdProperty } from '../../descriptions/opportunityFields';
import { requireParameter } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Delete',
	value: 'delete',
	action: 'Delete an opportunity',
	description: 'Delete an opportunity',
	endpoint: {
		method: 'DELETE',
		path: '/opportunities/{id}',
		operationId: 'delete-opportunity',
		api: 'opportunities',
		scopes: ['opportunities.write'],
	},
};

export const properties: INodeProperties[] = [opportunityIdProperty];

export const example: OperationExample = (d) => ({ opportunityId: d.opportunity.id });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requireParameter(this, itemIndex, 'opportunityId', 'Opportunity ID');
	const response = await callEndpoint.call(this, meta.endpoint, { pathParams: { id }, itemIndex });
	return { opportunityId: id, ...response };
}
