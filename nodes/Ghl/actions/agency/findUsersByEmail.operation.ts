import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint, getAgencyConnection } from '../../../shared/transport';
import { pagingProperties } from '../../descriptions/paging';
import { readLimit } from '../../helpers/paging';
import { checkEmail, checkText } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

/** Users per request (GHL's default is 25; its contract sets no maximum). */
const PAGE_SIZE = 100;

export const meta: OperationMeta = {
	name: 'Find Users by Email',
	value: 'findUsersByEmail',
	action: 'Find agency users by email',
	description: 'Find the agency’s users (across its sub-accounts) with any of the given emails',
	endpoint: {
		method: 'POST',
		path: '/users/search/filter-by-email',
		operationId: 'filter-users-by-email',
		api: 'users',
		scopes: ['users.readonly'],
		agency: true,
	},
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Emails',
		name: 'emails',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. ann@example.com, bob@example.com',
		description: 'One or more emails, separated by commas',
	},
	{
		displayName: 'Include Deleted Users',
		name: 'deleted',
		type: 'boolean',
		default: false,
		description: 'Whether to include users that were deleted',
	},
	...pagingProperties,
];

export const example: OperationExample = () => ({ emails: 'sandra.owner@sandbox.example, oscar.other@sandbox.example', returnAll: true });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const text = checkText(this, itemIndex, 'Emails', this.getNodeParameter('emails', itemIndex, ''));
	const emails = text.split(',').map((email) => email.trim()).filter(Boolean);
	if (!emails.length) throw new NodeOperationError(this.getNode(), 'Emails: expected at least one email address, got nothing', { itemIndex });
	emails.forEach((email) => checkEmail(this, itemIndex, 'Emails', email));
	const deleted = this.getNodeParameter('deleted', itemIndex, false) === true;
	const limit = readLimit(this, itemIndex);
	const { agency } = await getAgencyConnection(this);
	const users: IDataObject[] = [];
	for (let skip = 0; ; skip += PAGE_SIZE) {
		const pageSize = limit === undefined ? PAGE_SIZE : Math.min(PAGE_SIZE, limit - users.length);
		const response = await callEndpoint.call(this, meta.endpoint, {
			body: { companyId: agency.companyId, emails: emails.join(','), deleted, skip: String(skip), limit: String(pageSize) },
			// A search: a read sent as POST, safe to repeat.
			idempotent: true,
			itemIndex,
		});
		const page = (Array.isArray(response.users) ? response.users : []) as IDataObject[];
		users.push(...page);
		if (page.length < pageSize || (limit !== undefined && users.length >= limit)) break;
	}
	return users;
}
