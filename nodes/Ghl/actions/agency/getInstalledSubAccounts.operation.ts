import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { endpointRequest, getAgencyConnection, getSkipPaged } from '../../../shared/transport';
import type { GhlContext } from '../../../shared/transport';
import { pagingProperties } from '../../descriptions/paging';
import { readLimit } from '../../helpers/paging';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Get Installed Sub-Accounts',
	value: 'getInstalledSubAccounts',
	action: 'Get the sub-accounts the app is installed in',
	description: 'List the agency’s sub-accounts that have your app installed: one item each, to fan a workflow out over them',
	readmeNote: 'one item per sub-account, to fan out',
	endpoint: {
		method: 'GET',
		path: '/oauth/installedLocations',
		operationId: 'get-installed-location',
		api: 'oauth',
		scopes: ['oauth.readonly'],
		agency: true,
	},
};

export const properties: INodeProperties[] = [
	...pagingProperties,
	{
		displayName: 'Name Contains',
		name: 'query',
		type: 'string',
		default: '',
		description: 'Only sub-accounts whose name contains this text',
	},
];

export const example: OperationExample = () => ({ returnAll: true });

/** The agency's sub-accounts with the app installed, as GHL lists them (`_id`, `name`, `address`, …). */
export async function installedSubAccounts(
	this: GhlContext,
	options: { query?: string; max?: number; itemIndex?: number } = {},
): Promise<IDataObject[]> {
	const { agency } = await getAgencyConnection(this);
	const qs: IDataObject = { companyId: agency.companyId, appId: agency.appId, isInstalled: true };
	if (options.query) qs.query = options.query;
	return await getSkipPaged.call(this, endpointRequest(meta.endpoint, { qs, itemIndex: options.itemIndex }), 'locations', options.max);
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const query = String(this.getNodeParameter('query', itemIndex, '') ?? '').trim();
	return await installedSubAccounts.call(this, { query: query || undefined, max: readLimit(this, itemIndex), itemIndex });
}
