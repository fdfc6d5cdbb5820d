import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint, getLocationId } from '../../../shared/transport';
import { folderIdProperty } from '../../descriptions/objectFieldFields';
import { requireParameter, requireText } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Update Folder',
	value: 'updateFolder',
	action: 'Rename an object field folder',
	description: 'Rename a folder of a custom object’s fields',
	endpoint: {
		method: 'PUT',
		path: '/custom-fields/folder/{id}',
		operationId: 'update-custom-field-folder',
		api: 'custom-fields',
		scopes: ['locations/customFields.write'],
	},
};

export const properties: INodeProperties[] = [
	folderIdProperty,
	{ displayName: 'New Name', name: 'name', type: 'string', required: true, default: '' },
];

export const example: OperationExample = (d) => ({ folderId: d.customObject.folderId, name: 'Renamed folder' });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requireParameter(this, itemIndex, 'folderId', 'Folder ID');
	const name = requireText(this, itemIndex, 'New Name', this.getNodeParameter('name', itemIndex, ''));
	return await callEndpoint.call(this, meta.endpoint, { pathParams: { id }, body: { name, locationId: await getLocationId(this) }, itemIndex });
}
