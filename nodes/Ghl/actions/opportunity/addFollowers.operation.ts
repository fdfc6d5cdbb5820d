import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint } from '../../../shared/transport';
import { followersProperty } from '../../descriptions/common';
import { opportunityIdProperty } from '../../descriptions/opportunityFields';
import { checkIdList, requireParameter } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Add Followers',
	value: 'addFollowers',
	action: 'Add followers to an opportunity',
	description: 'Add users as followers of an opportunity',
	endpoint: {
		method: 'POST',
		path: '/opportunities/{id}/followers',
		operationId: 'add-followers-opportunity',
		api: 'opportunities',
		scopes: ['opportunities.write'],
	},
};

export const properties: INodeProperties[] = [opportunityIdProperty, { ...followersProperty, description: followersProperty.description!.replace('the contact', 'the opportunity') }];

export const example: OperationExample = (d) => ({ opportunityId: d.opportunity.id, followers: [d.userIds[2]] });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requireParameter(this, itemIndex, 'opportunityId', 'Opportunity ID');
	const followers = checkIdList(this, itemIndex, 'Followers', this.getNodeParameter('followers', itemIndex, []));
	const response = await callEndpoint.call(this, meta.endpoint, { pathParams: { id }, body: { followers }, idempotent: true, itemIndex });
	return { opportunityId: id, ...response };
}
