import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { endpointRequest, getLocationId, getStartAfterPaged } from '../../../shared/transport';
import { OPPORTUNITY_STATUSES } from '../../descriptions/opportunityFields';
import { limitProperty, returnAllProperty } from '../../descriptions/paging';
import { readLimit } from '../../helpers/paging';
import { checkId, checkIsoDate, checkText } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Get Many',
	value: 'getAll',
	action: 'Get many opportunities',
	description: 'Search the location’s opportunities by pipeline, stage, status, contact, owner, date or text',
	readmeNote: 'filters, Return All',
	endpoint: {
		method: 'GET',
		path: '/opportunities/search',
		operationId: 'search-opportunity',
		api: 'opportunities',
		scopes: ['opportunities.readonly'],
	},
};

export const properties: INodeProperties[] = [
	returnAllProperty,
	limitProperty(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{ displayName: 'Assigned To Name or ID', name: 'assignedTo', type: 'options', typeOptions: { loadOptionsMethod: 'getUsers' }, default: '', description:
					'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>' },
			{ displayName: 'Contact ID', name: 'contactId', type: 'string', default: '', description: 'Only this contact’s opportunities' },
			{ displayName: 'Created After', name: 'createdAfter', type: 'dateTime', default: '', description: 'Only opportunities created on or after this day' },
			{ displayName: 'Created Before', name: 'createdBefore', type: 'dateTime', default: '', description: 'Only opportunities created on or before this day' },
			{ displayName: 'Pipeline Name or ID', name: 'pipelineId', type: 'options', typeOptions: { loadOptionsMethod: 'getPipelines' }, default: '', description:
					'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>' },
			{ displayName: 'Query', name: 'query', type: 'string', default: '', description: 'Free text matched against the opportunity’s and its contact’s name, email and phone' },
			{
				displayName: 'Stage Name or ID',
				name: 'pipelineStageId',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getPipelineStages', loadOptionsDependsOn: ['filters.pipelineId'] },
				default: '',
				description:
					'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
			},
			{ displayName: 'Status', name: 'status', type: 'options', options: [{ name: 'All', value: 'all' }, ...OPPORTUNITY_STATUSES].sort((a, b) => a.name.localeCompare(b.name)), default: 'all' },
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Order',
				name: 'order',
				type: 'options',
				options: [
					{ name: 'Newest First', value: 'added_desc' },
					{ name: 'Oldest First', value: 'added_asc' },
				],
				default: 'added_desc',
			},
		],
	},
];

export const example: OperationExample = (d) => ({ returnAll: false, limit: 2, filters: { pipelineId: d.opportunity.pipelineId } });

/** GHL's date filter format (mm-dd-yyyy), from an ISO date. */
function ghlDay(iso: string): string {
	const [year, month, day] = iso.slice(0, 10).split('-');
	return `${month}-${day}-${year}`;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const qs: IDataObject = { location_id: await getLocationId(this) };
	for (const [name, param, label] of [
		['pipelineId', 'pipeline_id', 'Pipeline'],
		['pipelineStageId', 'pipeline_stage_id', 'Stage'],
		['contactId', 'contact_id', 'Contact ID'],
		['assignedTo', 'assigned_to', 'Assigned To'],
	] as const) {
		if (filters[name]) qs[param] = checkId(this, itemIndex, label, filters[name]);
	}
	if (filters.status && filters.status !== 'all') qs.status = checkText(this, itemIndex, 'Status', filters.status);
	const query = checkText(this, itemIndex, 'Query', filters.query);
	if (query) qs.q = query;
	if (filters.createdAfter) qs.date = ghlDay(checkIsoDate(this, itemIndex, 'Created After', filters.createdAfter));
	if (filters.createdBefore) qs.endDate = ghlDay(checkIsoDate(this, itemIndex, 'Created Before', filters.createdBefore));
	if (options.order) qs.order = checkText(this, itemIndex, 'Order', options.order);
	// Every page re-sends the filters; the cursor is GHL's meta.startAfter/startAfterId.
	return await getStartAfterPaged.call(this, endpointRequest(meta.endpoint, { qs, itemIndex }), 'opportunities', readLimit(this, itemIndex));
}
