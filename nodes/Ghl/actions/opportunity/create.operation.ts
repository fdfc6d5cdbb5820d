import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint, getLocationId } from '../../../shared/transport';
import { contactLocator } from '../../descriptions/contactLocator';
import { opportunityCustomFieldsProperty, opportunityFieldOptions, opportunityNameProperty, pipelineProperty, stageProperty } from '../../descriptions/opportunityFields';
import { resolveContactId } from '../../helpers/contacts';
import { buildOpportunityBody, opportunityCustomFields } from '../../helpers/opportunityBody';
import { requireText } from '../../helpers/validation';
import { byId } from '../types';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Create',
	value: 'create',
	action: 'Create an opportunity',
	description: 'Create an opportunity for a contact in a pipeline stage',
	unwrap: 'opportunity',
	endpoint: {
		method: 'POST',
		path: '/opportunities/',
		operationId: 'create-opportunity',
		api: 'opportunities',
		scopes: ['opportunities.write'],
	},
};

export const properties: INodeProperties[] = [
	pipelineProperty(true),
	stageProperty(),
	contactLocator(),
	opportunityNameProperty,
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: opportunityFieldOptions(['name']),
	},
	opportunityCustomFieldsProperty,
];

export const example: OperationExample = (d) => ({ pipelineId: d.opportunity.pipelineId, contactId: byId(d.secondContactId), name: 'Example deal' });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body = buildOpportunityBody(this, itemIndex, {
		status: 'open',
		...(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject),
		pipelineId: this.getNodeParameter('pipelineId', itemIndex, ''),
		pipelineStageId: this.getNodeParameter('pipelineStageId', itemIndex, ''),
		name: requireText(this, itemIndex, 'Name', this.getNodeParameter('name', itemIndex, '')),
	});
	const customFields = await opportunityCustomFields.call(this, itemIndex);
	const contactId = await resolveContactId.call(this, itemIndex);
	return await callEndpoint.call(this, meta.endpoint, {
		body: { ...body, ...customFields, contactId, locationId: await getLocationId(this) },
		itemIndex,
	});
}
