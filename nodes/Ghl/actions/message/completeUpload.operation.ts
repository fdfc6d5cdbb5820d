import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint, getLocationId } from '../../../shared/transport';
import { conversationIdProperty } from '../../helpers/conversations';
import { requireParameter, requireText } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Complete Upload',
	value: 'completeUpload',
	action: 'Complete a large file upload',
	description: 'Finish an upload begun with Initiate Upload once the file is at its URL; returns the file’s URL for messages',
	endpoint: { method: 'POST', path: '/conversations/messages/upload/complete', operationId: 'complete-file-upload', api: 'conversations', scopes: ['conversations/message.write'] },
};

export const properties: INodeProperties[] = [
	conversationIdProperty,
	{ displayName: 'Upload ID', name: 'uploadId', type: 'string', required: true, default: '', description: 'The uploadId Initiate Upload returned' },
	{ displayName: 'File Path', name: 'filePath', type: 'string', required: true, default: '', description: 'The filePath Initiate Upload returned' },
	{ displayName: 'File Name', name: 'filename', type: 'string', required: true, default: '' },
];

export const example: OperationExample = (d) => ({ conversationId: d.conversation.id, ...d.conversation.pendingUpload });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const body: IDataObject = {
		uploadId: requireParameter(this, itemIndex, 'uploadId', 'Upload ID'),
		filePath: requireText(this, itemIndex, 'File Path', this.getNodeParameter('filePath', itemIndex, '')),
		locationId: await getLocationId(this),
		conversationId: requireParameter(this, itemIndex, 'conversationId', 'Conversation ID'),
		filename: requireText(this, itemIndex, 'File Name', this.getNodeParameter('filename', itemIndex, '')),
	};
	return await callEndpoint.call(this, meta.endpoint, { body, itemIndex });
}
