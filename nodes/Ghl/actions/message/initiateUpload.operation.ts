import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint, getLocationId } from '../../../shared/transport';
import { conversationIdProperty } from '../../helpers/conversations';
import { requireParameter, requireText } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Initiate Upload',
	value: 'initiateUpload',
	action: 'Initiate a large file upload',
	description: 'Get a signed URL to upload a large file to (up to 100 MB for WhatsApp, 5 MB otherwise); then Complete Upload',
	endpoint: { method: 'POST', path: '/conversations/messages/upload/initiate', operationId: 'initiate-file-upload', api: 'conversations', scopes: ['conversations/message.write'] },
};

export const properties: INodeProperties[] = [
	conversationIdProperty,
	{ displayName: 'File Name', name: 'filename', type: 'string', required: true, default: '', placeholder: 'e.g. brochure.pdf' },
	{ displayName: 'Content Type', name: 'contentType', type: 'string', required: true, default: '', placeholder: 'e.g. application/pdf' },
	{
		displayName: 'Channel',
		name: 'channel',
		type: 'options',
		options: [
			{ name: 'Other (5 MB Limit)', value: 'SMS' },
			{ name: 'WhatsApp (100 MB Limit)', value: 'WHATSAPP' },
		],
		default: 'SMS',
	},
	{ displayName: 'File Size (Bytes)', name: 'fileSize', type: 'number', typeOptions: { minValue: 0, numberPrecision: 0 }, default: 0, description: 'The file’s size; 0 leaves it out' },
];

export const example: OperationExample = (d) => ({ conversationId: d.conversation.id, filename: 'catalogue.pdf', contentType: 'application/pdf', channel: 'SMS' });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body: IDataObject = {
		locationId: await getLocationId(this),
		conversationId: requireParameter(this, itemIndex, 'conversationId', 'Conversation ID'),
		filename: requireText(this, itemIndex, 'File Name', this.getNodeParameter('filename', itemIndex, '')),
		contentType: requireText(this, itemIndex, 'Content Type', this.getNodeParameter('contentType', itemIndex, '')),
		channel: this.getNodeParameter('channel', itemIndex, 'SMS') as string,
	};
	if (!/^[\w.+-]+\/[\w.+-]+$/.test(String(body.contentType))) {
		throw new NodeOperationError(this.getNode(), `Content Type: expected a MIME type such as application/pdf, got "${String(body.contentType)}"`, { itemIndex });
	}
	const size = Number(this.getNodeParameter('fileSize', itemIndex, 0));
	if (size > 0) body.fileSize = size;
	return await callEndpoint.call(this, meta.endpoint, { body, itemIndex });
}
