import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { subAccountLocator } from '../../../shared/authentication';
import { callEndpoint } from '../../../shared/transport';
import { checkId } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Delete Sub-Account',
	value: 'deleteSubAccount',
	action: 'Delete a sub-account',
	description: 'Delete a sub-account (location) and everything in it',
	readmeNote: 'GHL grants its scope to few apps',
	endpoint: {
		method: 'DELETE',
		path: '/locations/{locationId}',
		operationId: 'delete-location',
		api: 'locations',
		scopes: ['locations.internal-access-only'],
		agency: true,
	},
};

export const properties: INodeProperties[] = [
	subAccountLocator({ name: 'locationId', description: 'The sub-account to delete' }),
	{
		displayName: 'Delete Twilio Account',
		name: 'deleteTwilioAccount',
		type: 'boolean',
		default: false,
		description: 'Whether to also delete the sub-account’s Twilio account',
	},
];

export const example: OperationExample = (data) => ({ locationId: { mode: 'id', value: data.subAccountIds[2] } });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const locationId = checkId(this, itemIndex, 'Sub-Account', this.getNodeParameter('locationId', itemIndex, '', { extractValue: true }));
	const deleteTwilioAccount = this.getNodeParameter('deleteTwilioAccount', itemIndex, false) === true;
	return await callEndpoint.call(this, meta.endpoint, { pathParams: { locationId }, qs: { deleteTwilioAccount }, itemIndex });
}
