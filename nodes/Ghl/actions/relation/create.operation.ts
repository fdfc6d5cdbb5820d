import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint, getLocationId } from '../../../shared/transport';
import { associationProperty } from '../../descriptions/associationFields';
import { idProperty } from '../../descriptions/common';
import { requireParameter } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Create',
	value: 'create',
	action: 'Create a relation',
	description: 'Link two records under an association (e.g. a contact to an opportunity)',
	endpoint: {
		method: 'POST',
		path: '/associations/relations',
		operationId: 'create-relation',
		api: 'associations',
		scopes: ['associations/relation.write'],
	},
};

export const properties: INodeProperties[] = [
	associationProperty,
	idProperty('First Record ID', 'firstRecordId', 'ID of a record of the association’s first object (e.g. the contact’s ID)'),
	idProperty('Second Record ID', 'secondRecordId', 'ID of a record of the association’s second object (e.g. the opportunity’s ID)'),
];

export const example: OperationExample = (d) => ({
	associationId: d.association.id,
	firstRecordId: d.secondContactId,
	secondRecordId: d.association.opportunityId,
});

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body = {
		locationId: await getLocationId(this),
		associationId: requireParameter(this, itemIndex, 'associationId', 'Association'),
		firstRecordId: requireParameter(this, itemIndex, 'firstRecordId', 'First Record ID'),
		secondRecordId: requireParameter(this, itemIndex, 'secondRecordId', 'Second Record ID'),
	};
	return await callEndpoint.call(this, meta.endpoint, { body, itemIndex });
}
