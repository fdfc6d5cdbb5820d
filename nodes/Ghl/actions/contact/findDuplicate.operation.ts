import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint, getLocationId } from '../../../shared/transport';
import { checkE164, checkEmail } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Find Duplicate',
	value: 'findDuplicate',
	action: 'Find a duplicate contact',
	description:
		'Find the contact GHL would treat as a duplicate of an email and/or phone. Outputs nothing when there is none.',
	unwrap: 'contact',
	readmeNote: 'by email / phone',
	endpoint: {
		method: 'GET',
		path: '/contacts/search/duplicate',
		operationId: 'get-duplicate-contact',
		api: 'contacts',
		scopes: ['contacts.readonly'],
	},
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
	},
	{
		displayName: 'Phone',
		name: 'phone',
		type: 'string',
		placeholder: '+14155550100',
		default: '',
		description: 'In E.164 form (+ country code and number)',
	},
];

/** Parameters that run this operation against the sandbox's seeded data (test/catalogue.test.ts runs each operation with them). */
export const example: OperationExample = (d) => ({ email: d.contact.email });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject | IDataObject[]> {
	const email = (this.getNodeParameter('email', itemIndex, '') as string).trim();
	const phone = (this.getNodeParameter('phone', itemIndex, '') as string).trim();
	if (!email && !phone) {
		throw new NodeOperationError(this.getNode(), 'Email or Phone: expected at least one, to look the contact up by', {
			itemIndex,
		});
	}
	const response = await callEndpoint.call(this, meta.endpoint, {
		qs: {
			locationId: await getLocationId(this),
			...(email ? { email: checkEmail(this, itemIndex, 'Email', email) } : {}),
			...(phone ? { number: checkE164(this, itemIndex, 'Phone', phone) } : {}),
		},
		itemIndex,
	});
	return response.contact ? response : [];
}
