import type { INodeProperties } from 'n8n-workflow';
import { idProperty } from './common';

/** An association of the location, picked by its key. */
export const associationProperty: INodeProperties = {
	displayName: 'Association Name or ID',
	name: 'associationId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getAssociations' },
	required: true,
	default: '',
	description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
};

/** An association's key, unique in its location (`opportunity_decision_maker`). */
export const associationKeyProperty: INodeProperties = {
	displayName: 'Key',
	name: 'key',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. opportunity_decision_maker',
	description: 'The association’s unique key in the location',
};

/** One side's object: contact, opportunity, business or a custom object (`custom_objects.<name>`). */
export function objectKeyProperty(displayName: string, name: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getAssociationObjectKeys' },
		required: true,
		default: '',
		description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	};
}

/** What one side is called in the association (e.g. "Decision maker"). */
export function objectLabelProperty(displayName: string, name: string, placeholder: string): INodeProperties {
	return { displayName, name, type: 'string', required: true, default: '', placeholder };
}

export const firstLabelProperty = objectLabelProperty('First Object Label', 'firstObjectLabel', 'e.g. Decision maker');
export const secondLabelProperty = objectLabelProperty('Second Object Label', 'secondObjectLabel', 'e.g. Deal');

export const relationIdProperty = idProperty('Relation ID', 'relationId', 'ID of the relation (the link between two records)');
