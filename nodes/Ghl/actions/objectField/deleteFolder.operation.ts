import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint, getLocationId } from '../../../shared/transport';
import { folderIdProperty } from '../../descriptions/objectFieldFields';
import { requireParameter } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Delete Folder',
	value: 'deleteFolder',
	action: 'Delete an object field folder',
	description: 'Delete a folder of a custom object’s fields',
	endpoint: {
		method: 'DELETE',
		path: '/custom-fields/folder/{id}',
		operationId: 'delete-custom-field-folder',
		api: 'custom-fields',
		scopes: ['locations/customFields.write'],
	},
};

export const properties: INodeProperties[] = [folderIdProperty];

export const example: OperationExample = (d) => ({ folderId: d.customObject.folderId });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = requireParameter(this, itemIndex, 'folderId', 'Folder ID');
	return await callEndpoint.call(this, meta.endpoint, { pathParams: { id }, qs: { locationId: await getLocationId(this) }, itemIndex });
}
