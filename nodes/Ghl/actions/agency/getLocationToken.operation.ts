import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint, getAgencyConnection } from '../../../shared/transport';
import { subAccountLocator } from '../../../shared/authentication';
import { checkId } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Get Location Token',
	value: 'getLocationToken',
	action: 'Get a sub-account token from the agency token',
	description:
		'Mint a sub-account (location) access token from the agency token. The node does this itself for every operation; this checks that it works, and returns the token only when asked.',
	readmeNote: 'the token itself only when asked',
	endpoint: {
		method: 'POST',
		path: '/oauth/locationToken',
		operationId: 'get-location-access-token',
		api: 'oauth',
		scopes: ['oauth.write'],
		agency: true,
	},
};

export const properties: INodeProperties[] = [
	subAccountLocator({ name: 'locationId', description: 'The sub-account to mint a token for' }),
	{
		displayName: 'Return Access Token',
		name: 'returnToken',
		type: 'boolean',
		default: false,
		description:
			'Whether to include the access token in the output. n8n stores outputs with the execution: leave off unless a later node must send the token itself.',
	},
];

export const example: OperationExample = (data) => ({ locationId: { mode: 'id', value: data.subAccountIds[1] } });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const locationId = checkId(this, itemIndex, 'Sub-Account', this.getNodeParameter('locationId', itemIndex, '', { extractValue: true }));
	const returnToken = this.getNodeParameter('returnToken', itemIndex, false) === true;
	const { agency } = await getAgencyConnection(this);
	const response = await callEndpoint.call(this, meta.endpoint, {
		body: { companyId: agency.companyId, locationId },
		form: true,
		itemIndex,
	});
	if (returnToken) return response;
	const output: IDataObject = { ...response, locationId: response.locationId ?? locationId };
	delete output.access_token;
	delete output.refresh_token;
	return output;
}
