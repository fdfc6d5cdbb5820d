import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint } from '../../../shared/transport';
import { associationProperty, firstLabelProperty, secondLabelProperty } from '../../descriptions/associationFields';
import { requireParameter, requireText } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Update',
	value: 'update',
	action: 'Update an association',
	description: 'Rename the two sides of an association (GHL changes only the labels)',
	endpoint: {
		method: 'PUT',
		path: '/associations/{associationId}',
		operationId: 'update-association',
		api: 'associations',
		scopes: ['associations.write'],
	},
};

export const properties: INodeProperties[] = [associationProperty, firstLabelProperty, secondLabelProperty];

export const example: OperationExample = (d) => ({ associationId: d.association.id, firstObjectLabel: 'Champion', secondObjectLabel: 'Deal' });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const associationId = requireParameter(this, itemIndex, 'associationId', 'Association');
	// GHL requires both labels on every update.
	const body = {
		firstObjectLabel: requireText(this, itemIndex, 'First Object Label', this.getNodeParameter('firstObjectLabel', itemIndex, '')),
		secondObjectLabel: requireText(this, itemIndex, 'Second Object Label', this.getNodeParameter('secondObjectLabel', itemIndex, '')),
	};
	return await callEndpoint.call(this, meta.endpoint, { pathParams: { associationId }, body, itemIndex });
}
