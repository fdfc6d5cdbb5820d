import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint } from '../../../shared/transport';
import { followersProperty } from '../../descriptions/common';
import { opportunityIdProperty } from '../../descriptions/opportunityFields';
import { checkIdList, requireParameter } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Remove Followers',
	value: 'removeFollowers',
	action: 'Remove followers from an opportunity',
	description: 'Remove users from the followers of an opportunity',
	endpoint: {
		method: 'DELETE',
		path: '/opportunities/{id}/followers',
		operationId: 'remove-followers-opportunity',
		api: 'opportunities',
		scopes: ['opportunities.write'],
	},
};

export const properties: INodeProperties[] = [opportunityIdProperty, { ...followersProperty, description: followersProperty.description!.replace('the contact', 'the opportunity') }];

export const example: OperationExample = (d) => ({ opportunityId: d.opportunity.id, followers: [d.userIds[1]] });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requireParameter(this, itemIndex, 'opportunityId', 'Opportunity ID');
	const followers = checkIdList(this, itemIndex, 'Followers', this.getNodeParameter('followers', itemIndex, []));
	const response = await callEndpoint.call(this, meta.endpoint, { pathParams: { id }, body: { followers }, itemIndex });
	return { opportunityId: id, ...response };
}
