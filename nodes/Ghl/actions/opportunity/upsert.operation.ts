import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint, getLocationId } from '../../../shared/transport';
import { contactLocator } from '../../descriptions/contactLocator';
import { opportunityFieldOptions, pipelineProperty, stageProperty } from '../../descriptions/opportunityFields';
import { resolveContactId } from '../../helpers/contacts';
import { buildOpportunityBody } from '../../helpers/opportunityBody';
import { byId } from '../types';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Create or Update',
	value: 'upsert',
	action: 'Create or update an opportunity',
	description: 'Create a new record, or update the current one if it already exists (upsert)',
	readmeNote: 'upsert: the contact’s opportunity in the pipeline',
	unwrap: 'opportunity',
	endpoint: {
		method: 'POST',
		path: '/opportunities/upsert',
		operationId: 'Upsert-opportunity',
		api: 'opportunities',
		scopes: ['opportunities.write'],
	},
};

export const properties: INodeProperties[] = [
	pipelineProperty(true),
	contactLocator(),
	{
		displayName: 'Fields',
		name: 'fields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: opportunityFieldOptions([], [stageProperty()]),
	},
];

export const example: OperationExample = (d) => ({ pipelineId: d.opportunity.pipelineId, contactId: byId(d.opportunity.contactId), fields: { monetaryValue: 13000 } });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body = buildOpportunityBody(this, itemIndex, {
		...(this.getNodeParameter('fields', itemIndex, {}) as IDataObject),
		pipelineId: this.getNodeParameter('pipelineId', itemIndex, ''),
	});
	const contactId = await resolveContactId.call(this, itemIndex);
	return await callEndpoint.call(this, meta.endpoint, {
		body: { ...body, contactId, locationId: await getLocationId(this) },
		// It matches the contact's opportunity in the pipeline, so a repeat changes nothing more.
		idempotent: true,
		itemIndex,
	});
}
