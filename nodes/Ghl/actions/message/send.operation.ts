import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { callEndpoint, getLocationId } from '../../../shared/transport';
import { contactLocator } from '../../descriptions/contactLocator';
import { readInputFiles } from '../../helpers/binary';
import { resolveContactId } from '../../helpers/contacts';
import { conversationOfContact, epochMs } from '../../helpers/conversations';
import { checkEmail, optionalList, checkText, requireText } from '../../helpers/validation';
import { byId } from '../types';
import type { OperationExample, OperationMeta } from '../types';
import { UPLOAD_ENDPOINT } from './uploadAttachments.operation';

export const meta: OperationMeta = {
	name: 'Send',
	value: 'send',
	action: 'Send a message',
	description: 'Send an SMS, email, WhatsApp or other message to a contact, with attachments',
	endpoint: { method: 'POST', path: '/conversations/messages', operationId: 'send-a-new-message', api: 'conversations', scopes: ['conversations/message.write'] },
};

const CHANNELS = [
	{ name: 'Custom Provider', value: 'Custom' },
	{ name: 'Email', value: 'Email' },
	{ name: 'Facebook', value: 'FB' },
	{ name: 'Instagram', value: 'IG' },
	{ name: 'Live Chat', value: 'Live_Chat' },
	{ name: 'RCS', value: 'RCS' },
	{ name: 'SMS', value: 'SMS' },
	{ name: 'TikTok', value: 'TIKTOK' },
	{ name: 'WhatsApp', value: 'WhatsApp' },
];

export const properties: INodeProperties[] = [
	contactLocator(),
	{ displayName: 'Channel', name: 'type', type: 'options', options: CHANNELS, default: 'SMS', description: 'How the message is sent' },
	{ displayName: 'Subject', name: 'subject', type: 'string', default: '', required: true, displayOptions: { show: { type: ['Email'] } } },
	{
		displayName: 'Message',
		name: 'message',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		description: 'The text; for an email, HTML is allowed (sent as the email’s HTML body)',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{ displayName: 'Attachment URLs', name: 'attachments', type: 'string', default: '', description: 'Comma-separated URLs of files to attach' },
			{
				displayName: 'Attachments From Binary Fields',
				name: 'binaryPropertyNames',
				type: 'string',
				default: '',
				placeholder: 'e.g. data',
				description: 'Comma-separated binary fields of the input item: each file is uploaded to GHL and attached',
			},
			{ displayName: 'BCC', name: 'emailBcc', type: 'string', default: '', description: 'Comma-separated email addresses (email only)' },
			{ displayName: 'CC', name: 'emailCc', type: 'string', default: '', description: 'Comma-separated email addresses (email only)' },
			{ displayName: 'Conversation Provider ID', name: 'conversationProviderId', type: 'string', default: '', description: 'The custom conversation provider that sends it (Custom Provider channel)' },
			{ displayName: 'From Email', name: 'emailFrom', type: 'string', default: '', placeholder: 'e.g. Sales <sales@example.com>' },
			{ displayName: 'From Number', name: 'fromNumber', type: 'string', default: '', description: 'The location’s number to send from (SMS)' },
			{ displayName: 'Reply To Message ID', name: 'replyMessageId', type: 'string', default: '', description: 'For an email: the message this one answers (keeps the thread)' },
			{ displayName: 'Send At', name: 'scheduledAt', type: 'dateTime', default: '', description: 'Schedule the message for this time instead of sending now' },
			{ displayName: 'Template ID', name: 'templateId', type: 'string', default: '', description: 'An email or SMS template of the location to send' },
			{ displayName: 'To Email', name: 'emailTo', type: 'string', default: '', description: 'Address to send to instead of the contact’s (email only)' },
			{ displayName: 'To Number', name: 'toNumber', type: 'string', default: '', description: 'Number to send to instead of the contact’s' },
		],
	},
];

export const example: OperationExample = (d) => ({ contactId: byId(d.contact.id), type: 'SMS', message: 'Your order has shipped' });

function addressList(ctx: IExecuteFunctions, itemIndex: number, field: string, value: unknown): string[] {
	return optionalList(ctx, itemIndex, field, value).map((address) => checkEmail(ctx, itemIndex, field, address));
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const type = this.getNodeParameter('type', itemIndex) as string;
	const message = checkText(this, itemIndex, 'Message', this.getNodeParameter('message', itemIndex, ''));
	const extra = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const attachments = optionalList(this, itemIndex, 'Attachment URLs', extra.attachments);
	for (const url of attachments) {
		if (!/^https?:\/\/\S+$/i.test(url)) throw new NodeOperationError(this.getNode(), `Attachment URLs: expected http(s) URLs, got "${url}"`, { itemIndex });
	}
	const body: IDataObject = {
		type,
		// GHL's spec requires subType (an object) and status on a send; neither changes what is sent.
		subType: {},
		status: 'pending',
	};
	if (type === 'Email') {
		body.subject = requireText(this, itemIndex, 'Subject', this.getNodeParameter('subject', itemIndex, ''));
		if (message) body.html = message;
		for (const [field, label] of [['emailCc', 'CC'], ['emailBcc', 'BCC']] as const) {
			const list = addressList(this, itemIndex, label, extra[field]);
			if (list.length) body[field] = list;
		}
		if (extra.emailTo) body.emailTo = checkEmail(this, itemIndex, 'To Email', extra.emailTo);
	} else if (message) {
		body.message = message;
	}
	for (const [field, label] of [['emailFrom', 'From Email'], ['fromNumber', 'From Number'], ['toNumber', 'To Number'], ['replyMessageId', 'Reply To Message ID'], ['templateId', 'Template ID'], ['conversationProviderId', 'Conversation Provider ID']] as const) {
		const value = checkText(this, itemIndex, label, extra[field]);
		if (value) body[field] = value;
	}
	const sendAt = epochMs(extra.scheduledAt);
	if (Number.isNaN(sendAt)) throw new NodeOperationError(this.getNode(), `Send At: expected a date and time, got "${String(extra.scheduledAt)}"`, { itemIndex });
	if (sendAt !== undefined) body.scheduledTimestamp = Math.floor(sendAt / 1000);
	const files = extra.binaryPropertyNames ? await readInputFiles(this, itemIndex, 'fileAttachment', 'additionalFields.binaryPropertyNames') : [];
	if (!message && !attachments.length && !files.length && !body.templateId) {
		throw new NodeOperationError(this.getNode(), 'Message: expected a message, a template or attachments, got none', { itemIndex });
	}
	const contactId = await resolveContactId.call(this, itemIndex);
	body.contactId = contactId;
	if (files.length) {
		// GHL attaches files by URL: upload them into the contact's conversation first.
		const conversationId = await conversationOfContact(this, itemIndex, contactId);
		const uploaded = await callEndpoint.call(this, UPLOAD_ENDPOINT, {
			// GHL's spec requires attachmentUrls beside the files; the URLs given are attached on the send itself.
			multipart: { fields: { conversationId, contactId, locationId: await getLocationId(this), attachmentUrls: '' }, files },
			itemIndex,
		});
		attachments.push(...Object.values((uploaded.uploadedFiles ?? {}) as IDataObject).map(String));
	}
	if (attachments.length) body.attachments = attachments;
	return await callEndpoint.call(this, meta.endpoint, { body, itemIndex });
}
