import type { INodeProperties } from 'n8n-workflow';

export const returnAllProperty: INodeProperties = {
	displayName: 'Return All',
	name: 'returnAll',
	type: 'boolean',
	default: false,
	description: 'Whether to return all results or only up to a given limit',
};

export function limitProperty(maxValue?: number): INodeProperties {
	return {
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1, ...(maxValue ? { maxValue } : {}) },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	};
}

/** Return All + Limit, the pair every Get Many operation starts with. */
export const pagingProperties: INodeProperties[] = [returnAllProperty, limitProperty()];

/** Free-text filter of GHL's legacy contact listings (GET /contacts/ and by business). */
export const contactQueryProperty: INodeProperties = {
	displayName: 'Query',
	name: 'query',
	type: 'string',
	default: '',
	description: 'Free text matched against the contacts’ name, email and phone',
};
