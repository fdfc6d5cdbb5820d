import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint, getLocationId } from '../../../shared/transport';
import { contactIdsProperty, tagsProperty } from '../../descriptions/common';
import { checkIdList, checkList, toList } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Update Tags (Bulk)',
	value: 'bulkUpdateTags',
	action: 'Add or remove tags on many contacts',
	description: 'Add or remove tags on many contacts in one request',
	readmeNote: 'add or remove tags on many contacts',
	endpoint: {
		method: 'POST',
		path: '/contacts/bulk/tags/update/{type}',
		operationId: 'create-association',
		api: 'contacts',
		scopes: [],
	},
};

export const properties: INodeProperties[] = [
	contactIdsProperty,
	{
		displayName: 'Tag Action',
		name: 'tagAction',
		type: 'options',
		options: [
			{ name: 'Add Tags', value: 'add' },
			{ name: 'Remove Tags', value: 'remove' },
		],
		default: 'add',
	},
	{ ...tagsProperty('Comma-separated tags to add or remove', false), displayOptions: { hide: { removeAllTags: [true] } } },
	{
		displayName: 'Remove All Tags',
		name: 'removeAllTags',
		type: 'boolean',
		default: false,
		description: 'Whether to remove every tag the contacts have',
		displayOptions: { show: { tagAction: ['remove'] } },
	},
];

/** Parameters that run this operation against the sandbox's seeded data (test/catalogue.test.ts runs each operation with them). */
export const example: OperationExample = (d) => ({ contactIds: d.secondContactId, tagAction: 'add', tags: 'example' });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const contacts = checkIdList(this, itemIndex, 'Contact IDs', this.getNodeParameter('contactIds', itemIndex, ''));
	const type = this.getNodeParameter('tagAction', itemIndex, 'add') as 'add' | 'remove';
	const removeAllTags = type === 'remove' && (this.getNodeParameter('removeAllTags', itemIndex, false) as boolean);
	const tags = removeAllTags
		? toList(this.getNodeParameter('tags', itemIndex, ''))
		: checkList(this, itemIndex, 'Tags', this.getNodeParameter('tags', itemIndex, ''));
	return await callEndpoint.call(this, meta.endpoint, {
		pathParams: { type },
		body: { locationId: await getLocationId(this), contacts, tags, ...(removeAllTags ? { removeAllTags: true } : {}) },
		idempotent: true,
		itemIndex,
	});
}
