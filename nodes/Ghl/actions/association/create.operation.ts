import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint, getLocationId } from '../../../shared/transport';
import { associationKeyProperty, firstLabelProperty, objectKeyProperty, secondLabelProperty } from '../../descriptions/associationFields';
import { requireAssociationKey, requireObjectKey } from '../../helpers/associations';
import { requireText } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Create',
	value: 'create',
	action: 'Create an association',
	description: 'Define a kind of link between two objects (e.g. contacts and opportunities), with a label for each side',
	endpoint: {
		method: 'POST',
		path: '/associations/',
		operationId: 'create-association',
		api: 'associations',
		scopes: ['associations.write'],
	},
};

export const properties: INodeProperties[] = [
	associationKeyProperty,
	objectKeyProperty('First Object Name or ID', 'firstObjectKey'),
	firstLabelProperty,
	objectKeyProperty('Second Object Name or ID', 'secondObjectKey'),
	secondLabelProperty,
];

export const example: OperationExample = () => ({
	key: 'contact_referrer',
	firstObjectKey: 'contact',
	firstObjectLabel: 'Referrer',
	secondObjectKey: 'contact',
	secondObjectLabel: 'Referred',
});

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body = {
		locationId: await getLocationId(this),
		key: requireAssociationKey(this, itemIndex, 'key', 'Key'),
		firstObjectKey: requireObjectKey(this, itemIndex, 'firstObjectKey', 'First Object'),
		firstObjectLabel: requireText(this, itemIndex, 'First Object Label', this.getNodeParameter('firstObjectLabel', itemIndex, '')),
		secondObjectKey: requireObjectKey(this, itemIndex, 'secondObjectKey', 'Second Object'),
		secondObjectLabel: requireText(this, itemIndex, 'Second Object Label', this.getNodeParameter('secondObjectLabel', itemIndex, '')),
	};
	return await callEndpoint.call(this, meta.endpoint, { body, itemIndex });
}
