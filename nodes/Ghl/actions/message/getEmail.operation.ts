import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint } from '../../../shared/transport';
import { idProperty } from '../../descriptions/common';
import { requireParameter } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Get Email',
	value: 'getEmail',
	action: 'Get an email message',
	description: 'Get an email message by its email message ID',
	endpoint: { method: 'GET', path: '/conversations/messages/email/{id}', operationId: 'get-email-by-id', api: 'conversations', scopes: [], versionless: true },
};

export const properties: INodeProperties[] = [idProperty('Email Message ID', 'emailMessageId', 'The emailMessageId GHL returned when the email was sent')];

export const example: OperationExample = (d) => ({ emailMessageId: d.conversation.emailMessageId });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const emailMessageId = requireParameter(this, itemIndex, 'emailMessageId', 'Email Message ID');
	return await callEndpoint.call(this, meta.endpoint, { pathParams: { id: emailMessageId }, itemIndex });
}
