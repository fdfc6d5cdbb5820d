import { randomUUID } from 'crypto';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint, getLocationId } from '../../../shared/transport';
import { contactLocator } from '../../descriptions/contactLocator';
import { binaryInputProperty, readInputFiles } from '../../helpers/binary';
import { resolveContactId } from '../../helpers/contacts';
import { checkId } from '../../helpers/validation';
import { byId } from '../types';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Upload to Custom Field',
	value: 'uploadToCustomFields',
	action: 'Upload files to a contact custom field',
	description: 'Put the item’s binary files in a contact’s File Upload custom field, as a form upload does; GHL answers the updated contact',
	readmeNote: 'the item’s binary data, multipart',
	unwrap: 'contact',
	endpoint: {
		method: 'POST',
		path: '/forms/upload-custom-files',
		operationId: 'upload-to-custom-fields',
		api: 'forms',
		scopes: ['forms.write'],
	},
};

export const properties: INodeProperties[] = [
	contactLocator(),
	{
		displayName: 'Custom Field Name or ID',
		name: 'customFieldId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getFileUploadFields' },
		required: true,
		default: '',
		description:
			'A File Upload field of the location’s contacts. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	binaryInputProperty('Comma-separated binary fields of the input item to upload, one file each (PDF, DOC(X), JPG, PNG, GIF, CSV, XLS(X), MP4, MPEG, ZIP, RAR, TXT, SVG; up to 50 MB)'),
];

export const example: OperationExample = (d) => ({ contactId: byId(d.contact.id), customFieldId: d.location.fileFieldId, binaryPropertyNames: 'data' });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const customFieldId = checkId(this, itemIndex, 'Custom Field', this.getNodeParameter('customFieldId', itemIndex, ''));
	// GHL takes each file under `<custom field ID>_<file ID>`, the file ID one the caller makes up.
	const files = await readInputFiles(this, itemIndex, () => `${customFieldId}_${randomUUID()}`);
	const contactId = await resolveContactId.call(this, itemIndex);
	return await callEndpoint.call(this, meta.endpoint, {
		qs: { contactId, locationId: await getLocationId(this) },
		multipart: { fields: {}, files },
		// A repeat sends the same file IDs: the field keeps each file once.
		idempotent: true,
		itemIndex,
	});
}
