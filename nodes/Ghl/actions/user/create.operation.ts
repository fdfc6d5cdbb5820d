import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { getCompanyId } from '../../../shared/reads';
import { callEndpoint, getLocationId } from '../../../shared/transport';
import { createUserProperties } from '../../descriptions/userFields';
import { buildUserBody } from '../../helpers/userBody';
import { requireText } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Create',
	value: 'create',
	action: 'Create a user',
	description: 'Create a user of the location (a sub-account user)',
	endpoint: {
		method: 'POST',
		path: '/users/',
		operationId: 'create-user',
		api: 'users',
		scopes: ['users.write'],
	},
};

export const properties: INodeProperties[] = createUserProperties;

export const example: OperationExample = () => ({
	firstName: 'Nora',
	lastName: 'Newhire',
	email: 'nora.newhire@example.com',
	password: 'Sandbox-Pass-1',
	role: 'user',
});

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const fields: IDataObject = { ...(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject) };
	for (const [name, label] of [
		['firstName', 'First Name'],
		['lastName', 'Last Name'],
		['email', 'Email'],
		['password', 'Password'],
	] as const) {
		fields[name] = this.getNodeParameter(name, itemIndex, '');
		requireText(this, itemIndex, label, fields[name]);
	}
	fields.role = this.getNodeParameter('role', itemIndex, 'user');
	const body = buildUserBody(this, itemIndex, fields);
	const locationId = await getLocationId(this);
	// A sub-account user ("account" type) of this location only.
	return await callEndpoint.call(this, meta.endpoint, {
		body: { companyId: await getCompanyId.call(this, itemIndex), ...body, type: 'account', locationIds: [locationId] },
		itemIndex,
	});
}
