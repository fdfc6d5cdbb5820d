import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint, getLocationId } from '../../../shared/transport';
import { binaryInputProperty, readInputFiles } from '../../helpers/binary';
import { checkId } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Upload File',
	value: 'uploadFile',
	action: 'Upload a file for a custom field',
	description: 'Upload the item’s binary files to GHL for a File Upload custom field; GHL answers each file’s URL',
	readmeNote: 'the item’s binary data, multipart',
	endpoint: {
		method: 'POST',
		path: '/locations/{locationId}/customFields/upload',
		operationId: 'upload-file-customFields',
		api: 'locations',
		scopes: ['locations/customFields.write'],
	},
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Record ID',
		name: 'recordId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. aWdODOBVOlH1RUFKWQke',
		description: 'The contact, opportunity or custom field the files are for',
	},
	binaryInputProperty('Comma-separated names of the input item’s binary fields to upload, one file each'),
	{
		displayName: 'Max Files',
		name: 'maxFiles',
		type: 'number',
		typeOptions: { minValue: 1, numberPrecision: 0 },
		default: 1,
		description: 'Most files GHL may keep for the record (an upload of more is refused)',
	},
];

export const example: OperationExample = (d) => ({ recordId: d.contact.id, binaryPropertyNames: 'data', maxFiles: 1 });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const recordId = checkId(this, itemIndex, 'Record ID', this.getNodeParameter('recordId', itemIndex, ''));
	// GHL names each uploaded file by its part (its example: the file name), and answers its URL under it.
	const files = await readInputFiles(this, itemIndex, (fileName) => fileName);
	const maxFiles = this.getNodeParameter('maxFiles', itemIndex, 1) as number;
	return await callEndpoint.call(this, meta.endpoint, {
		pathParams: { locationId: await getLocationId(this) },
		multipart: { fields: { id: recordId, maxFiles: String(maxFiles) }, files },
		// A repeat stores the files again under new URLs; nothing holds them until a URL is written to a record.
		idempotent: true,
		itemIndex,
	});
}
