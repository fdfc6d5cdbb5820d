import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint, getLocationId } from '../../../shared/transport';
import { messageIdProperty } from '../../helpers/conversations';
import { requireParameter } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Get Transcription',
	value: 'getTranscription',
	action: 'Get a call transcription',
	description: 'Get the transcription of a call message, one item per sentence',
	endpoint: {
		method: 'GET',
		path: '/conversations/locations/{locationId}/messages/{messageId}/transcription',
		operationId: 'get-message-transcription',
		api: 'conversations',
		scopes: ['conversations/message.readonly'],
	},
};

export const properties: INodeProperties[] = [messageIdProperty];

export const example: OperationExample = (d) => ({ messageId: d.conversation.callMessageId });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const messageId = requireParameter(this, itemIndex, 'messageId', 'Message ID');
	const response = (await callEndpoint.call(this, meta.endpoint, { pathParams: { messageId, locationId: await getLocationId(this) }, itemIndex })) as IDataObject | IDataObject[];
	// GHL's spec describes one sentence; a list of sentences is read as one item each.
	const sentences = Array.isArray(response) ? response : [response];
	return sentences.map((sentence) => ({ messageId, ...sentence }));
}
