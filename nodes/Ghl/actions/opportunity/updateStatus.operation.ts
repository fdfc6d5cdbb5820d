import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint } from '../../../shared/transport';
import { opportunityIdProperty, statusProperty } from '../../descriptions/opportunityFields';
import { buildOpportunityBody } from '../../helpers/opportunityBody';
import { checkId, requireParameter } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Update Status',
	value: 'updateStatus',
	action: 'Update the status of an opportunity',
	description: 'Mark an opportunity open, won, lost (with a reason) or abandoned',
	endpoint: {
		method: 'PUT',
		path: '/opportunities/{id}/status',
		operationId: 'update-opportunity-status',
		api: 'opportunities',
		scopes: ['opportunities.write'],
	},
};

export const properties: INodeProperties[] = [
	opportunityIdProperty,
	statusProperty(true),
	{
		displayName: 'Lost Reason Name or ID',
		name: 'lostReasonId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getLostReasons' },
		default: '',
		displayOptions: { show: { status: ['lost'] } },
		description:
			'Why it was lost. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
];

export const example: OperationExample = (d) => ({ opportunityId: d.opportunity.id, status: 'won' });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requireParameter(this, itemIndex, 'opportunityId', 'Opportunity ID');
	const { status } = buildOpportunityBody(this, itemIndex, { status: this.getNodeParameter('status', itemIndex, '') });
	const lostReason = status === 'lost' ? this.getNodeParameter('lostReasonId', itemIndex, '') : '';
	const body: IDataObject = { status, ...(lostReason ? { lostReasonId: checkId(this, itemIndex, 'Lost Reason', lostReason) } : {}) };
	const response = await callEndpoint.call(this, meta.endpoint, { pathParams: { id }, body, itemIndex });
	return { opportunityId: id, status, ...response };
}
