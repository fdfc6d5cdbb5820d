import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint, getLocationId } from '../../../shared/transport';
import { idProperty } from '../../descriptions/common';
import { checkText, requireParameter } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';
import { checkLength } from './fields';

export const meta: OperationMeta = {
	name: 'Update',
	value: 'update',
	action: 'Update a subscription type',
	description: 'Rename, describe or archive a custom subscription type',
	endpoint: { method: 'PUT', path: '/conversations/preferences/custom-subtypes/{id}', operationId: 'update-custom-subtype', api: 'conversations', scopes: [] },
};

export const properties: INodeProperties[] = [
	idProperty('Subscription Type ID', 'subtypeId', 'The custom subscription type to change'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{ displayName: 'Archived', name: 'archived', type: 'boolean', default: true, description: 'Whether the type is archived (hidden from contacts)' },
			{ displayName: 'Description', name: 'description', type: 'string', default: '' },
			{ displayName: 'Name', name: 'name', type: 'string', default: '' },
			{ displayName: 'Resubscription Form ID', name: 'resubscription_legal_form_id', type: 'string', default: '', description: 'The form contacts use to subscribe again' },
		],
	},
];

export const example: OperationExample = (d) => ({ subtypeId: d.conversation.subtypeId, updateFields: { description: 'Monthly news' } });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requireParameter(this, itemIndex, 'subtypeId', 'Subscription Type ID');
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = {};
	for (const [name, label] of [['name', 'Name'], ['description', 'Description'], ['resubscription_legal_form_id', 'Resubscription Form ID']] as const) {
		if (fields[name] === undefined) continue;
		body[name] = checkLength(this, itemIndex, label, checkText(this, itemIndex, label, fields[name]));
	}
	if (fields.archived !== undefined) body.archived = fields.archived === true;
	if (!Object.keys(body).length) throw new NodeOperationError(this.getNode(), 'Update Fields: expected at least one field to change, got none', { itemIndex });
	return await callEndpoint.call(this, meta.endpoint, { pathParams: { id }, qs: { locationId: await getLocationId(this) }, body, itemIndex });
}
