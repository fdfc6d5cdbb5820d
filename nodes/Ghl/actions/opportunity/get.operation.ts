import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint } from '../../../shared/transport';
import { opportunityIdProperty } from '../../descriptions/opportunityFields';
import { requireParameter } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Get',
	value: 'get',
	action: 'Get an opportunity',
	description: 'Get an opportunity by ID, with its contact',
	unwrap: 'opportunity',
	endpoint: {
		method: 'GET',
		path: '/opportunities/{id}',
		operationId: 'get-opportunity',
		api: 'opportunities',
		scopes: ['opportunities.readonly'],
	},
};

export const properties: INodeProperties[] = [opportunityIdProperty];

export const example: OperationExample = (d) => ({ opportunityId: d.opportunity.id });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requireParameter(this, itemIndex, 'opportunityId', 'Opportunity ID');
	return await callEndpoint.call(this, meta.endpoint, { pathParams: { id }, itemIndex });
}
