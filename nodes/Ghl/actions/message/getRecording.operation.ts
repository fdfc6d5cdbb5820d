import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { downloadEndpoint, getLocationId } from '../../../shared/transport';
import { binaryOutputProperty, toBinaryOutput } from '../../helpers/binary';
import { messageIdProperty } from '../../helpers/conversations';
import { requireParameter } from '../../helpers/validation';
import { WithBinary } from '../types';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Get Recording',
	value: 'getRecording',
	action: 'Get a call recording',
	description: 'Download the recording of a call message as a file (WAV)',
	endpoint: {
		method: 'GET',
		path: '/conversations/messages/{messageId}/locations/{locationId}/recording',
		operationId: 'get-message-recording',
		api: 'conversations',
		scopes: ['conversations/message.readonly'],
	},
};

export const properties: INodeProperties[] = [messageIdProperty, binaryOutputProperty];

export const example: OperationExample = (d) => ({ messageId: d.conversation.callMessageId });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<WithBinary> {
	const messageId = requireParameter(this, itemIndex, 'messageId', 'Message ID');
	const file = await downloadEndpoint.call(this, meta.endpoint, { pathParams: { messageId, locationId: await getLocationId(this) }, itemIndex });
	return new WithBinary({ messageId, mimeType: file.mimeType, fileSize: file.data.length }, await toBinaryOutput(this, itemIndex, file, `${messageId}.wav`));
}
