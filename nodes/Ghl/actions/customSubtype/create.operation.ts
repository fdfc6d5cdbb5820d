import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint, getLocationId } from '../../../shared/transport';
import { checkText, requireText } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';
import { checkLength } from './fields';

export const meta: OperationMeta = {
	name: 'Create',
	value: 'create',
	action: 'Create a subscription type',
	description: 'Add a custom subscription type (e.g. Newsletter) for email or SMS',
	endpoint: { method: 'POST', path: '/conversations/preferences/custom-subtypes', operationId: 'create-custom-subtype', api: 'conversations', scopes: [] },
};

export const properties: INodeProperties[] = [
	{ displayName: 'Name', name: 'name', type: 'string', required: true, default: '', placeholder: 'e.g. Newsletter', description: 'At most 100 characters' },
	{
		displayName: 'Channel',
		name: 'channel',
		type: 'options',
		options: [
			{ name: 'Email', value: 'email' },
			{ name: 'SMS', value: 'sms' },
		],
		default: 'email',
	},
	{ displayName: 'Language', name: 'language', type: 'string', required: true, default: 'en', placeholder: 'e.g. en', description: 'Language code of the name and description' },
	{ displayName: 'Description', name: 'description', type: 'string', default: '', description: 'At most 100 characters' },
];

export const example: OperationExample = () => ({ name: 'Newsletter', channel: 'email', language: 'en', description: 'Monthly product news' });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body: IDataObject = {
		name: checkLength(this, itemIndex, 'Name', requireText(this, itemIndex, 'Name', this.getNodeParameter('name', itemIndex, ''))),
		channel: this.getNodeParameter('channel', itemIndex) as string,
		language: requireText(this, itemIndex, 'Language', this.getNodeParameter('language', itemIndex, '')),
	};
	const description = checkLength(this, itemIndex, 'Description', checkText(this, itemIndex, 'Description', this.getNodeParameter('description', itemIndex, '')));
	if (description) body.description = description;
	return await callEndpoint.call(this, meta.endpoint, { qs: { locationId: await getLocationId(this) }, body, itemIndex });
}
