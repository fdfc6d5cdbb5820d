import type { INodeProperties } from 'n8n-workflow';
import { idProperty, userProperty } from './common';
import { customFieldRowsProperty } from './contactFields';

export const opportunityIdProperty = idProperty('Opportunity ID', 'opportunityId', 'ID of the opportunity');

/** A pipeline of the location, picked by name. */
export function pipelineProperty(required: boolean, name = 'pipelineId'): INodeProperties {
	return {
		displayName: 'Pipeline Name or ID',
		name,
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getPipelines' },
		required,
		default: '',
		description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	};
}

/** A stage of the chosen pipeline (its list follows the Pipeline parameter). */
export function stageProperty(pipelineParameter = 'pipelineId', name = 'pipelineStageId'): INodeProperties {
	return {
		displayName: 'Stage Name or ID',
		name,
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getPipelineStages', loadOptionsDependsOn: [pipelineParameter] },
		default: '',
		description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		hint: 'Empty: the pipeline’s first stage',
	};
}

export const OPPORTUNITY_STATUSES = [
	{ name: 'Abandoned', value: 'abandoned' },
	{ name: 'Lost', value: 'lost' },
	{ name: 'Open', value: 'open' },
	{ name: 'Won', value: 'won' },
];

export function statusProperty(required: boolean): INodeProperties {
	return { displayName: 'Status', name: 'status', type: 'options', options: OPPORTUNITY_STATUSES, required, default: 'open' };
}

export const opportunityNameProperty: INodeProperties = {
	displayName: 'Name',
	name: 'name',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. Acme: 40 seats',
	description: 'Name of the opportunity',
};

/**
 * Fields an opportunity write can set besides its pipeline, stage and contact (less the ones the
 * operation asks for on their own, plus any it adds), sorted by name as n8n lists them.
 */
export function opportunityFieldOptions(without: string[] = [], extra: INodeProperties[] = []): INodeProperties[] {
	return [...OPPORTUNITY_FIELDS.filter((field) => !without.includes(field.name)), ...extra].sort((a, b) => a.displayName.localeCompare(b.displayName));
}

const OPPORTUNITY_FIELDS: INodeProperties[] = [
	{ ...userProperty('Assigned To Name or ID', 'assignedTo') },
	{
		displayName: 'Monetary Value',
		name: 'monetaryValue',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 2 },
		default: 0,
		description: 'The deal’s value in the location’s currency',
	},
	{ displayName: 'Name', name: 'name', type: 'string', default: '', description: 'Name of the opportunity' },
	{ ...statusProperty(false) },
];

/** The location's opportunity custom fields, picked by name, with their values. */
export const opportunityCustomFieldsProperty = customFieldRowsProperty('getOpportunityCustomFields');
