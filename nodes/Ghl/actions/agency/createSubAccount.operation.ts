import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint, getAgencyConnection } from '../../../shared/transport';
import { subAccountFieldOptions } from '../../descriptions/subAccountFields';
import { buildSubAccountBody } from '../../helpers/subAccountBody';
import { requireText } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Create Sub-Account',
	value: 'createSubAccount',
	action: 'Create a sub-account',
	description: 'Create a sub-account (location) in the agency, optionally from a snapshot',
	endpoint: {
		method: 'POST',
		path: '/locations/',
		operationId: 'create-location',
		api: 'locations',
		scopes: ['locations.write'],
		agency: true,
	},
};

export const properties: INodeProperties[] = [
	{ displayName: 'Name', name: 'name', type: 'string', required: true, default: '', placeholder: 'e.g. Acme Dental Austin' },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: subAccountFieldOptions([
			{ displayName: 'Snapshot ID', name: 'snapshotId', type: 'string', default: '', description: 'The agency snapshot the sub-account starts from' },
		]),
	},
];

export const example: OperationExample = () => ({ name: 'Sandbox Fourth Location', additionalFields: { city: 'Denver', country: 'us' } });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const name = requireText(this, itemIndex, 'Name', this.getNodeParameter('name', itemIndex, ''));
	const fields = buildSubAccountBody(this, itemIndex, this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject);
	const { agency } = await getAgencyConnection(this);
	// A create is not repeated after a failure in transit: GHL gives no way to find the sub-account it may have made.
	return await callEndpoint.call(this, meta.endpoint, { body: { name, ...fields, companyId: agency.companyId }, itemIndex });
}
