import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { subAccountLocator } from '../../../shared/authentication';
import { callEndpoint, getAgencyConnection } from '../../../shared/transport';
import { subAccountFieldOptions } from '../../descriptions/subAccountFields';
import { buildSubAccountBody } from '../../helpers/subAccountBody';
import { checkId, checkText } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Update Sub-Account',
	value: 'updateSubAccount',
	action: 'Update a sub-account',
	description: 'Change a sub-account’s name and profile: only the fields given change',
	endpoint: {
		method: 'PUT',
		path: '/locations/{locationId}',
		operationId: 'put-location',
		api: 'locations',
		scopes: ['locations.write'],
		agency: true,
	},
};

export const properties: INodeProperties[] = [
	subAccountLocator({ name: 'locationId', description: 'The sub-account to change' }),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: subAccountFieldOptions([{ displayName: 'Name', name: 'name', type: 'string', default: '' }]),
	},
];

export const example: OperationExample = (data) => ({
	locationId: { mode: 'id', value: data.subAccountIds[2] },
	updateFields: { website: 'https://third.example' },
});

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const locationId = checkId(this, itemIndex, 'Sub-Account', this.getNodeParameter('locationId', itemIndex, '', { extractValue: true }));
	const updateFields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body = buildSubAccountBody(this, itemIndex, updateFields);
	const name = checkText(this, itemIndex, 'Name', updateFields.name);
	if (name) body.name = name;
	if (!Object.keys(body).length) {
		throw new NodeOperationError(this.getNode(), 'Update Fields: add at least one field to change', { itemIndex });
	}
	const { agency } = await getAgencyConnection(this);
	return await callEndpoint.call(this, meta.endpoint, { pathParams: { locationId }, body: { ...body, companyId: agency.companyId }, itemIndex });
}
