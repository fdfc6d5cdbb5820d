import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint, getLocationId } from '../../../shared/transport';
import type { GhlEndpoint } from '../../../shared/transport';
import { contactLocator } from '../../descriptions/contactLocator';
import { binaryInputProperty, readInputFiles } from '../../helpers/binary';
import { resolveContactId } from '../../helpers/contacts';
import { conversationOfContact } from '../../helpers/conversations';
import { byId } from '../types';
import type { OperationExample, OperationMeta } from '../types';

export const UPLOAD_ENDPOINT: GhlEndpoint = {
	method: 'POST',
	path: '/conversations/messages/upload',
	operationId: 'upload-file-attachments',
	api: 'conversations',
	scopes: ['conversations/message.write'],
};

export const meta: OperationMeta = {
	name: 'Upload Attachments',
	value: 'uploadAttachments',
	action: 'Upload message attachments',
	description: 'Upload files from the input item to GHL, for messages to a contact; returns their URLs',
	endpoint: UPLOAD_ENDPOINT,
};

export const properties: INodeProperties[] = [
	contactLocator(),
	binaryInputProperty('Comma-separated binary fields of the input item to upload (JPG, PNG, PDF, DOC(X), TXT, MP3, WAV, MP4, ZIP, RAR)'),
];

export const example: OperationExample = (d) => ({ contactId: byId(d.contact.id), binaryPropertyNames: 'data' });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const files = await readInputFiles(this, itemIndex, 'fileAttachment');
	const contactId = await resolveContactId.call(this, itemIndex);
	const conversationId = await conversationOfContact(this, itemIndex, contactId);
	// GHL's spec requires attachmentUrls (already hosted files) beside the uploaded ones; none here.
	const fields = { conversationId, contactId, locationId: await getLocationId(this), attachmentUrls: '' };
	return await callEndpoint.call(this, meta.endpoint, { multipart: { fields, files }, itemIndex });
}
