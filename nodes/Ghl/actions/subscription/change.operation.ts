import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint, getLocationId } from '../../../shared/transport';
import { contactLocator } from '../../descriptions/contactLocator';
import { resolveContactId } from '../../helpers/contacts';
import { checkEmail, checkText, requireParameter } from '../../helpers/validation';
import { byId } from '../types';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Change',
	value: 'change',
	action: 'Change a contact subscription',
	description: 'Subscribe or unsubscribe a contact’s email address from a subscription type, or resubscribe it to all',
	endpoint: { method: 'POST', path: '/conversations/preferences/unsubscriptions/user-change', operationId: 'user-subscription-change', api: 'conversations', scopes: [] },
};

export const properties: INodeProperties[] = [
	contactLocator(),
	{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', required: true, default: '', description: 'The contact’s address the change is for' },
	{
		displayName: 'Subscription Type',
		name: 'actionType',
		type: 'options',
		options: [
			{ name: 'Custom Type', value: 'custom', description: 'A subscription type of the location (Subscription Type resource)' },
			{ name: 'One on One', value: 'default', description: 'GHL’s built-in type for messages sent by people' },
			{ name: 'Resubscribe to All', value: 'resub_all', description: 'Undo every unsubscription of this address' },
		],
		default: 'custom',
	},
	{
		displayName: 'Subscription Type ID',
		name: 'subtypeId',
		type: 'string',
		required: true,
		default: '',
		displayOptions: { show: { actionType: ['custom'] } },
	},
	{
		displayName: 'Status',
		name: 'subtypeStatus',
		type: 'options',
		options: [
			{ name: 'Subscribed', value: 'subscribed' },
			{ name: 'Unsubscribed', value: 'unsubscribed' },
		],
		default: 'unsubscribed',
		displayOptions: { show: { actionType: ['custom', 'default'] } },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{ displayName: 'Legal Description', name: 'legal_description', type: 'string', default: '', description: 'What the contact agreed to or asked for, in words' },
			{ displayName: 'Legal Reason', name: 'legal_reason', type: 'string', default: '', description: 'Why the change is made (kept for compliance)' },
		],
	},
];

export const example: OperationExample = (d) => ({ contactId: byId(d.contact.id), email: d.contact.email, actionType: 'default', subtypeStatus: 'unsubscribed' });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const type = this.getNodeParameter('actionType', itemIndex) as string;
	const action: IDataObject = { type };
	if (type === 'custom') action.subtype_id = requireParameter(this, itemIndex, 'subtypeId', 'Subscription Type ID');
	if (type === 'default') action.subtype_name = 'One on One';
	if (type !== 'resub_all') action.subtype_status = this.getNodeParameter('subtypeStatus', itemIndex) as string;
	const extra = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = {
		locationId: await getLocationId(this),
		email: checkEmail(this, itemIndex, 'Email', this.getNodeParameter('email', itemIndex, '')),
		subscription_action: action,
	};
	for (const [name, label] of [['legal_reason', 'Legal Reason'], ['legal_description', 'Legal Description']] as const) {
		const value = checkText(this, itemIndex, label, extra[name]);
		if (value) body[name] = value;
	}
	body.contactId = await resolveContactId.call(this, itemIndex);
	return await callEndpoint.call(this, meta.endpoint, { body, itemIndex });
}
