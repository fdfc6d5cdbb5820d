import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint } from '../../../shared/transport';
import { opportunityCustomFieldsProperty, opportunityFieldOptions, opportunityIdProperty, pipelineProperty, stageProperty } from '../../descriptions/opportunityFields';
import { customFieldRows } from '../../helpers/contactBody';
import { buildOpportunityBody, opportunityCustomFields } from '../../helpers/opportunityBody';
import { requireParameter } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Update',
	value: 'update',
	action: 'Update an opportunity',
	description: 'Change an opportunity’s name, pipeline, stage, status, value or owner',
	unwrap: 'opportunity',
	endpoint: {
		method: 'PUT',
		path: '/opportunities/{id}',
		operationId: 'update-opportunity',
		api: 'opportunities',
		scopes: ['opportunities.write'],
	},
};

export const properties: INodeProperties[] = [
	opportunityIdProperty,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: opportunityFieldOptions([], [pipelineProperty(false), stageProperty()]),
	},
	opportunityCustomFieldsProperty,
];

export const example: OperationExample = (d) => ({ opportunityId: d.opportunity.id, updateFields: { monetaryValue: 15000 } });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requireParameter(this, itemIndex, 'opportunityId', 'Opportunity ID');
	const fields = buildOpportunityBody(this, itemIndex, this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject);
	if (!Object.keys(fields).length && !customFieldRows(this, itemIndex).length) {
		throw new NodeOperationError(this.getNode(), 'Update Fields: add at least one field or custom field to change', { itemIndex });
	}
	const body = { ...fields, ...(await opportunityCustomFields.call(this, itemIndex)) };
	return await callEndpoint.call(this, meta.endpoint, { pathParams: { id }, body, itemIndex });
}
