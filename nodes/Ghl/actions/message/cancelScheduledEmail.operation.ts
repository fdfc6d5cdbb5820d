import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint } from '../../../shared/transport';
import { idProperty } from '../../descriptions/common';
import { requireParameter } from '../../helpers/validation';
import type { OperationExample, OperationMeta } from '../types';

export const meta: OperationMeta = {
	name: 'Cancel Scheduled Email',
	value: 'cancelScheduledEmail',
	action: 'Cancel a scheduled email',
	description: 'Cancel an email scheduled for later, before it is sent',
	endpoint: { method: 'DELETE', path: '/conversations/messages/email/{emailMessageId}/schedule', operationId: 'cancel-scheduled-email-message', api: 'conversations', scopes: [], versionless: true },
};

export const properties: INodeProperties[] = [idProperty('Email Message ID', 'emailMessageId', 'The emailMessageId of the scheduled email')];

export const example: OperationExample = (d) => ({ emailMessageId: d.conversation.scheduledEmailMessageId });

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const emailMessageId = requireParameter(this, itemIndex, 'emailMessageId', 'Email Message ID');
	return await callEndpoint.call(this, meta.endpoint, { pathParams: { emailMessageId }, itemIndex });
}
