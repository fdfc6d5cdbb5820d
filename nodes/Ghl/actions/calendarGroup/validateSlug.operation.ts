import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint, getLocationId } from '../../../shared/transport';
import { checkSlug } from '../../helpers/calendars';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Validate Slug',
	value: 'validateSlug',
	action: 'Validate a calendar group slug',
	description: 'Check whether a slug is still free for a new calendar group in the location',
	endpoint: {
		method: 'POST',
		path: '/calendars/groups/validate-slug',
		operationId: 'validate-groups-slug',
		api: 'calendars',
		scopes: ['calendars/groups.write'],
	},
};

export const properties: INodeProperties[] = [
	{ displayName: 'Slug', name: 'slug', type: 'string', required: true, default: '', placeholder: 'e.g. sales-team' },
];

export const example: OperationExample = () => ({ slug: 'free-slug' });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const slug = checkSlug(this, itemIndex, this.getNodeParameter('slug', itemIndex, ''));
	// A read sent as POST: safe to repeat.
	const response = await callEndpoint.call(this, meta.endpoint, { body: { locationId: await getLocationId(this), slug }, idempotent: true, itemIndex });
	return { slug, ...response };
}
