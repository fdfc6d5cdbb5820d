import type { INodeProperties } from 'n8n-workflow';

/** A required ID typed in (or mapped with an expression), e.g. a task or campaign ID. */
export function idProperty(displayName: string, name: string, description: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 8gmOYNgPGfO5Lhx6YQ1a',
		description,
	};
}

/** A required value picked from a list the node loads (or an ID given in an expression). */
export function pickerProperty(displayName: string, name: string, loadOptionsMethod: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'options',
		typeOptions: { loadOptionsMethod },
		required: true,
		default: '',
		description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	};
}

/** One user of the location (task assignee, note author, appointment owner). */
export function userProperty(displayName: string, name: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getUsers' },
		default: '',
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	};
}

/** Users of the location, picked from the list (followers). */
export const followersProperty: INodeProperties = {
	displayName: 'Follower Names or IDs',
	name: 'followers',
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getUsers' },
	required: true,
	default: [],
	description:
		'Users who follow the contact. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

/** A calendar of the location. */
export function calendarProperty(required: boolean): INodeProperties {
	return {
		displayName: 'Calendar Name or ID',
		name: 'calendarId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getCalendars' },
		required,
		default: '',
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	};
}

/** Comma-separated tags (or an array from an expression). */
export function tagsProperty(description: string, required = true): INodeProperties {
	return {
		displayName: 'Tags',
		name: 'tags',
		type: 'string',
		required,
		default: '',
		placeholder: 'e.g. vip, newsletter',
		description,
	};
}

/** Several contacts at once, for GHL's bulk endpoints (one request for all of them). */
export const contactIdsProperty: INodeProperties = {
	displayName: 'Contact IDs',
	name: 'contactIds',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. nmFmQEsNgz6AVpgLVUJ0, ocQHyuzHvysMo5N5VsXc',
	description: 'Comma-separated contact IDs, or an array from an expression. All of them go in one request.',
};

/** A campaign of the location, picked by name (an expression may give its ID). */
export const campaignProperty: INodeProperties = {
	displayName: 'Campaign Name or ID',
	name: 'campaignId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getCampaigns' },
	required: true,
	default: '',
	description:
		'The campaign. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

/** A workflow of the location, picked by name (an expression may give its ID). */
export const workflowProperty: INodeProperties = {
	displayName: 'Workflow Name or ID',
	name: 'workflowId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getWorkflows' },
	required: true,
	default: '',
	description:
		'The GHL workflow. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};
