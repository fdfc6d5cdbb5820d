import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { downloadEndpoint, getLocationId } from '../../../shared/transport';
import { binaryOutputProperty, toBinaryOutput } from '../../helpers/binary';
import { messageIdProperty } from '../../helpers/conversations';
import { requireParameter } from '../../helpers/validation';
import { WithBinary } from '../types';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Download Transcription',
	value: 'downloadTranscription',
	action: 'Download a call transcription',
	description: 'Download the transcription of a call message as a text file',
	endpoint: {
		method: 'GET',
		path: '/conversations/locations/{locationId}/messages/{messageId}/transcription/download',
		operationId: 'download-message-transcription',
		api: 'conversations',
		scopes: ['conversations/message.readonly'],
	},
};

export const properties: INodeProperties[] = [messageIdProperty, binaryOutputProperty];

export const example: OperationExample = (d) => ({ messageId: d.conversation.callMessageId });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<WithBinary> {
	const messageId = requireParameter(this, itemIndex, 'messageId', 'Message ID');
	const file = await downloadEndpoint.call(this, meta.endpoint, { pathParams: { messageId, locationId: await getLocationId(this) }, itemIndex });
	return new WithBinary({ messageId, mimeType: file.mimeType, fileSize: file.data.length }, await toBinaryOutput(this, itemIndex, file, `transcription-${messageId}.txt`));
}
