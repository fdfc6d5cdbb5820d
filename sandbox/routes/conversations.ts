/**
 * Conversations (apps/conversations.json, Version 2021-04-15): one conversation per contact and its
 * messages, in the generic store's `/conversations` and `/conversations/messages` collections.
 * Hand-written where GHL links records the generic store cannot: a message sent to a contact lands
 * in that contact's conversation (made on first use), the conversation's messages page newest first
 * with lastMessageId, the location's messages export with a cursor, scheduled messages cancel only
 * while scheduled, call messages have a recording and a transcription, uploads take files.
 */
import { errors } from '../http';
import type { GenericRecord } from '../store';
import { contactName } from '../store';
import type { ContactRecord } from '../store';
import { bodyRefusal } from '../validation';
import { getContact, nowIso, principalLocationId } from './common';
import type { Handler, HandlerContext } from './context';
import { answer, findRecord } from './generic';

export const CONVERSATIONS = '/conversations';
export const MESSAGES = '/conversations/messages';
const UNSUBSCRIPTIONS = '/conversations/preferences/unsubscriptions';
const UPLOADS = '/conversations/messages/upload';

const conversations = (ctx: HandlerContext) => ctx.state.store.collection(CONVERSATIONS);
const messages = (ctx: HandlerContext) => ctx.state.store.collection(MESSAGES);

/** GHL's numeric message types (the `type` of a message; `messageType` is the name). */
const MESSAGE_TYPE_NUMBERS: Record<string, number> = {
	TYPE_CALL: 1,
	TYPE_SMS: 2,
	TYPE_EMAIL: 3,
	TYPE_WEBCHAT: 5,
	TYPE_FACEBOOK: 11,
	TYPE_GMB: 15,
	TYPE_REVIEW: 17,
	TYPE_INSTAGRAM: 18,
	TYPE_WHATSAPP: 19,
	TYPE_CUSTOM_SMS: 20,
	TYPE_CUSTOM_EMAIL: 21,
	TYPE_IVR_CALL: 24,
	TYPE_LIVE_CHAT: 29,
	TYPE_CUSTOM_CALL: 34,
	TYPE_RCS: 41,
	TYPE_TIKTOK: 42,
	TYPE_CAMPAIGN_CALL: 8,
	TYPE_CAMPAIGN_VOICEMAIL: 10,
};

/** The message type a channel name of the send/inbound bodies makes. */
const CHANNEL_TYPES: Record<string, string> = {
	SMS: 'TYPE_SMS',
	RCS: 'TYPE_RCS',
	Email: 'TYPE_EMAIL',
	WhatsApp: 'TYPE_WHATSAPP',
	GMB: 'TYPE_GMB',
	IG: 'TYPE_INSTAGRAM',
	FB: 'TYPE_FACEBOOK',
	Custom: 'TYPE_CUSTOM_SMS',
	WebChat: 'TYPE_WEBCHAT',
	Live_Chat: 'TYPE_LIVE_CHAT',
	Call: 'TYPE_CALL',
	IVR_Call: 'TYPE_IVR_CALL',
	Campaign_Call: 'TYPE_CAMPAIGN_CALL',
	Campaign_VoiceMail: 'TYPE_CAMPAIGN_VOICEMAIL',
	TIKTOK: 'TYPE_TIKTOK',
};

/** The export's `channel` filter → message types. */
const EXPORT_CHANNELS: Record<string, string[]> = {
	Call: ['TYPE_CALL', 'TYPE_IVR_CALL', 'TYPE_CUSTOM_CALL', 'TYPE_CAMPAIGN_CALL'],
	SMS: ['TYPE_SMS', 'TYPE_CUSTOM_SMS'],
	Email: ['TYPE_EMAIL', 'TYPE_CUSTOM_EMAIL'],
	WhatsApp: ['TYPE_WHATSAPP'],
	Instagram: ['TYPE_INSTAGRAM'],
	Facebook: ['TYPE_FACEBOOK'],
};

const CALL_TYPES = new Set(['TYPE_CALL', 'TYPE_IVR_CALL', 'TYPE_CUSTOM_CALL', 'TYPE_CAMPAIGN_CALL']);
/** File types GHL's upload accepts (its spec lists them). */
const UPLOAD_EXTENSIONS = new Set(['jpg', 'jpeg', 'png', 'mp4', 'mpeg', 'zip', 'rar', 'pdf', 'doc', 'docx', 'txt', 'mp3', 'wav']);
const MAX_ATTACHMENTS = 5;

function getConversation(ctx: HandlerContext, id: string): GenericRecord {
	return findRecord(ctx, conversations(ctx), id, 'Conversation');
}

function getMessage(ctx: HandlerContext, id: string): GenericRecord {
	return findRecord(ctx, messages(ctx), id, 'Message');
}

function contactSummary(contact: ContactRecord): Record<string, unknown> {
	return {
		fullName: contactName(contact) ?? '',
		contactName: contactName(contact) ?? '',
		email: contact.email ?? '',
		phone: contact.phone ?? '',
	};
}

function newConversation(ctx: HandlerContext, contact: ContactRecord): GenericRecord {
	const time = nowIso();
	const record: GenericRecord = {
		id: ctx.state.store.newRecordId(),
		locationId: contact.locationId,
		contactId: contact.id,
		type: 'TYPE_PHONE',
		unreadCount: 0,
		starred: false,
		inbox: true,
		deleted: false,
		lastMessageBody: '',
		lastMessageDate: Date.parse(time),
		dateAdded: Date.parse(time),
		dateUpdated: Date.parse(time),
	};
	conversations(ctx).set(record.id, record);
	return record;
}

/** The contact's conversation, made on first use (as GHL does when a message is sent). */
function conversationOf(ctx: HandlerContext, contact: ContactRecord): GenericRecord {
	const existing = [...conversations(ctx).values()].find((record) => record.contactId === contact.id);
	return existing ?? newConversation(ctx, contact);
}

/** A conversation as GHL's search lists it: the contact's name and ways to reach it, its last message. */
function listed(ctx: HandlerContext, record: GenericRecord): GenericRecord {
	const contact = ctx.state.store.contacts.get(String(record.contactId));
	return { ...record, ...(contact ? contactSummary(contact) : { fullName: '', contactName: '', email: '', phone: '' }) };
}

/** A conversation as GHL reads one: its type is a number there. */
function read(record: GenericRecord): GenericRecord {
	const types = ['TYPE_PHONE', 'TYPE_EMAIL', 'TYPE_FB_MESSENGER', 'TYPE_REVIEW', 'TYPE_GROUP_SMS'];
	return { ...record, type: Math.max(types.indexOf(String(record.type)), 0) + 1 };
}

interface NewMessage {
	conversation: GenericRecord;
	messageType: string;
	direction: 'inbound' | 'outbound';
	status: string;
	fields: Record<string, unknown>;
}

function addMessage(ctx: HandlerContext, { conversation, messageType, direction, status, fields }: NewMessage): GenericRecord {
	const time = nowIso();
	const dateAdded = typeof fields.date === 'string' ? new Date(fields.date).toISOString() : time;
	const { date: _date, ...rest } = fields;
	const record: GenericRecord = {
		...rest,
		id: ctx.state.store.newRecordId(),
		type: MESSAGE_TYPE_NUMBERS[messageType] ?? 20,
		messageType,
		locationId: conversation.locationId,
		contactId: conversation.contactId,
		conversationId: conversation.id,
		dateAdded,
		dateUpdated: time,
		direction,
		status,
		contentType: messageType === 'TYPE_EMAIL' ? 'text/html' : 'text/plain',
		attachments: Array.isArray(fields.attachments) ? fields.attachments : [],
		source: 'api',
	};
	messages(ctx).set(record.id, record);
	conversation.lastMessageBody = String(fields.body ?? '');
	conversation.lastMessageType = messageType;
	conversation.lastMessageDirection = direction;
	conversation.lastMessageDate = Date.parse(dateAdded);
	conversation.dateUpdated = Date.parse(time);
	if (direction === 'inbound') conversation.unreadCount = Number(conversation.unreadCount ?? 0) + 1;
	return record;
}

function contactFor(ctx: HandlerContext, contactId: string): ContactRecord {
	const contact = getContact(ctx, contactId);
	if (contact.locationId !== principalLocationId(ctx)) throw errors.badRequest('Contact not found');
	return contact;
}

const createConversation: Handler = (ctx) => {
	const contact = contactFor(ctx, String(ctx.body.contactId));
	const existing = [...conversations(ctx).values()].find((record) => record.contactId === contact.id);
	if (existing) throw errors.badRequest('Conversation already exists', { conversationId: existing.id });
	return answer(ctx.op, { record: newConversation(ctx, contact) });
};

/** The value a conversation is sorted and paged by (`sortBy`), epoch ms. */
function sortValue(record: GenericRecord, sortBy: string): number {
	const field = { last_manual_message_date: 'lastMessageDate', last_message_date: 'lastMessageDate', score_profile: 'score', overdue_at: 'overdueAt', due_at: 'dueAt' }[sortBy] ?? 'lastMessageDate';
	return Number(record[field] ?? 0);
}

const MAX_LIMIT = 100;

function pageLimit(value: unknown, fallback: number): number {
	if (value === undefined) return fallback;
	const limit = Number(value);
	if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) throw bodyRefusal({ api: 'conversations' } as HandlerContext['op'], [`limit must be an integer from 1 to ${MAX_LIMIT}`]);
	return limit;
}

const searchConversations: Handler = (ctx) => {
	const q = ctx.query;
	const sortBy = String(q.sortBy ?? 'last_message_date');
	const descending = q.sort !== 'asc';
	let list = [...conversations(ctx).values()].filter((record) => record.locationId === q.locationId).map((record) => listed(ctx, record));
	const equal: Array<[string, string]> = [
		['contactId', 'contactId'],
		['assignedTo', 'assignedTo'],
		['id', 'id'],
		['lastMessageType', 'lastMessageType'],
		['lastMessageDirection', 'lastMessageDirection'],
	];
	for (const [param, field] of equal) if (typeof q[param] === 'string' && q[param] !== '') list = list.filter((record) => record[field] === q[param]);
	if (q.status === 'unread') list = list.filter((record) => Number(record.unreadCount) > 0);
	if (q.status === 'read') list = list.filter((record) => Number(record.unreadCount) === 0);
	if (q.status === 'starred') list = list.filter((record) => record.starred === true);
	if (typeof q.query === 'string' && q.query.trim()) {
		const text = q.query.trim().toLowerCase();
		list = list.filter((record) => ['fullName', 'email', 'phone', 'lastMessageBody'].some((field) => String(record[field] ?? '').toLowerCase().includes(text)));
	}
	if (typeof q.startDate === 'number') list = list.filter((record) => Number(record.dateUpdated) >= Number(q.startDate));
	if (typeof q.endDate === 'number') list = list.filter((record) => Number(record.dateUpdated) <= Number(q.endDate));
	list.sort((a, b) => (descending ? sortValue(b, sortBy) - sortValue(a, sortBy) : sortValue(a, sortBy) - sortValue(b, sortBy)) || a.id.localeCompare(b.id));
	const total = list.length;
	// Pages continue after the last conversation's sort value (GHL answers it as the item's `sort`).
	const after = q.startAfterDate === undefined || q.startAfterDate === '' ? undefined : Number(q.startAfterDate);
	if (after !== undefined && !Number.isNaN(after)) list = list.filter((record) => (descending ? sortValue(record, sortBy) < after : sortValue(record, sortBy) > after));
	const page = list.slice(0, pageLimit(q.limit, 20)).map((record) => ({ ...record, sort: [sortValue(record, sortBy)] }));
	return answer(ctx.op, { list: page, total });
};

const getConversationHandler: Handler = (ctx) => answer(ctx.op, { record: read(getConversation(ctx, ctx.params.conversationId)) });

const updateConversation: Handler = (ctx) => {
	const record = getConversation(ctx, ctx.params.conversationId);
	for (const name of ['unreadCount', 'starred', 'feedback']) if (ctx.body[name] !== undefined) record[name] = ctx.body[name];
	record.dateUpdated = Date.now();
	return answer(ctx.op, { record: read(record) });
};

const deleteConversation: Handler = (ctx) => {
	const record = getConversation(ctx, ctx.params.conversationId);
	conversations(ctx).delete(record.id);
	for (const message of [...messages(ctx).values()]) if (message.conversationId === record.id) messages(ctx).delete(message.id);
	return answer(ctx.op, {}, { success: true });
};

/** The send's channel needs an address on the contact (or given in the body) to reach it. */
function checkReachable(type: string, contact: ContactRecord, body: Record<string, unknown>): void {
	if (['SMS', 'RCS', 'WhatsApp'].includes(type) && !contact.phone && !body.toNumber) throw errors.badRequest('Contact has no phone number');
	if (type === 'Email' && !contact.email && !body.emailTo) throw errors.badRequest('Contact has no email address');
}

const sendMessage: Handler = (ctx) => {
	const body = ctx.body;
	const type = String(body.type);
	const contact = contactFor(ctx, String(body.contactId));
	checkReachable(type, contact, body);
	const attachments = Array.isArray(body.attachments) ? body.attachments : [];
	if (!body.message && !body.html && !attachments.length && !body.templateId) throw errors.badRequest('message, html or attachments are required');
	if (type === 'Email' && !body.subject && !body.templateId && !body.replyMessageId && !body.threadId) throw errors.badRequest('subject is required for an email');
	const scheduled = typeof body.scheduledTimestamp === 'number' && body.scheduledTimestamp * 1000 > Date.now();
	const conversation = conversationOf(ctx, contact);
	const messageType = CHANNEL_TYPES[type] ?? 'TYPE_CUSTOM_SMS';
	const emailMessageId = type === 'Email' ? ctx.state.store.newRecordId() : undefined;
	const message = addMessage(ctx, {
		conversation,
		messageType,
		direction: 'outbound',
		status: scheduled ? 'scheduled' : 'sent',
		fields: {
			body: body.message ?? body.html ?? '',
			attachments,
			...(scheduled ? { scheduledTimestamp: body.scheduledTimestamp } : {}),
			...(type === 'Email' ? { subject: body.subject, emailMessageId, to: [body.emailTo ?? contact.email] } : {}),
			...(body.appointmentId ? { appointmentId: body.appointmentId } : {}),
		},
	});
	return answer(ctx.op, {}, { conversationId: conversation.id, messageId: message.id, ...(emailMessageId ? { emailMessageId } : {}), msg: scheduled ? 'Message scheduled successfully.' : 'Message queued successfully.' });
};

/** The conversation an inbound/outbound body names; its contact must be the body's when given. */
function namedConversation(ctx: HandlerContext): GenericRecord {
	const conversation = conversations(ctx).get(String(ctx.body.conversationId));
	if (!conversation || conversation.locationId !== principalLocationId(ctx)) throw errors.badRequest('Conversation not found');
	if (ctx.body.contactId !== undefined && ctx.body.contactId !== conversation.contactId) throw errors.badRequest('Contact does not belong to this conversation');
	return conversation;
}

function callFields(body: Record<string, unknown>): Record<string, unknown> {
	const call = (body.call ?? {}) as Record<string, unknown>;
	return { meta: { call: { duration: 42, status: call.status ?? 'completed' } }, recording: true };
}

const addInbound: Handler = (ctx) => {
	const body = ctx.body;
	const conversation = namedConversation(ctx);
	const messageType = CHANNEL_TYPES[String(body.type)] ?? 'TYPE_CUSTOM_SMS';
	const direction = body.direction === 'outbound' ? 'outbound' : 'inbound';
	const message = addMessage(ctx, {
		conversation,
		messageType,
		direction,
		status: 'delivered',
		fields: {
			body: body.message ?? body.html ?? '',
			attachments: body.attachments,
			conversationProviderId: body.conversationProviderId,
			...(body.altId ? { altId: body.altId } : {}),
			...(body.date ? { date: body.date } : {}),
			...(body.subject ? { subject: body.subject } : {}),
			...(body.emailMessageId ? { emailMessageId: body.emailMessageId } : {}),
			...(CALL_TYPES.has(messageType) ? callFields(body) : {}),
		},
	});
	return answer(ctx.op, {}, { success: true, conversationId: conversation.id, messageId: message.id, message: 'Message added', contactId: conversation.contactId, dateAdded: message.dateAdded });
};

const addOutbound: Handler = (ctx) => {
	const body = ctx.body;
	const conversation = namedConversation(ctx);
	const message = addMessage(ctx, {
		conversation,
		messageType: 'TYPE_CALL',
		direction: 'outbound',
		status: 'delivered',
		fields: {
			body: '',
			attachments: body.attachments,
			conversationProviderId: body.conversationProviderId,
			...(body.altId ? { altId: body.altId } : {}),
			...(body.date ? { date: body.date } : {}),
			...callFields(body),
		},
	});
	return answer(ctx.op, {}, { success: true, conversationId: conversation.id, messageId: message.id, message: 'Message added', contactId: conversation.contactId, dateAdded: message.dateAdded });
};

const reviewReply: Handler = (ctx) => {
	const conversation = namedConversation(ctx);
	const message = addMessage(ctx, { conversation, messageType: 'TYPE_REVIEW', direction: 'outbound', status: 'sent', fields: { body: ctx.body.message } });
	return answer(ctx.op, {}, { conversationId: conversation.id, messageId: message.id, msg: 'Reply sent' });
};

const getMessageHandler: Handler = (ctx) => answer(ctx.op, { record: getMessage(ctx, ctx.params.id) });

function emailMessage(ctx: HandlerContext, id: string): GenericRecord {
	const found = [...messages(ctx).values()].find((record) => record.emailMessageId === id || (record.id === id && record.messageType === 'TYPE_EMAIL'));
	if (!found) throw errors.notFound('Email message not found');
	return findRecord(ctx, messages(ctx), found.id, 'Email message');
}

const getEmail: Handler = (ctx) => {
	const message = emailMessage(ctx, ctx.params.id);
	return answer(ctx.op, { record: { ...message, id: String(message.emailMessageId ?? message.id), threadId: message.id, altId: message.altId ?? '' } });
};

function cancelScheduled(ctx: HandlerContext, message: GenericRecord) {
	if (message.status !== 'scheduled') throw errors.badRequest('Message is not scheduled');
	messages(ctx).delete(message.id);
	return answer(ctx.op, {}, { status: 200, message: 'Scheduled message cancelled' });
}

const cancelScheduledMessage: Handler = (ctx) => cancelScheduled(ctx, getMessage(ctx, ctx.params.messageId));
const cancelScheduledEmail: Handler = (ctx) => cancelScheduled(ctx, emailMessage(ctx, ctx.params.emailMessageId));

/** A conversation's messages, newest first, continuing after `lastMessageId`. */
const getMessages: Handler = (ctx) => {
	const conversation = getConversation(ctx, ctx.params.conversationId);
	const types = typeof ctx.query.type === 'string' && ctx.query.type ? ctx.query.type.split(',') : undefined;
	let list = [...messages(ctx).values()]
		.filter((record) => record.conversationId === conversation.id && (!types || types.includes(String(record.messageType))))
		.sort((a, b) => Date.parse(String(b.dateAdded)) - Date.parse(String(a.dateAdded)) || b.id.localeCompare(a.id));
	if (typeof ctx.query.lastMessageId === 'string' && ctx.query.lastMessageId) {
		const at = list.findIndex((record) => record.id === ctx.query.lastMessageId);
		if (at < 0) throw errors.badRequest('lastMessageId is not a message of this conversation');
		list = list.slice(at + 1);
	}
	const limit = pageLimit(ctx.query.limit, 20);
	const page = list.slice(0, limit);
	const result = { lastMessageId: page.length ? page[page.length - 1].id : '', nextPage: list.length > limit, messages: page };
	return answer(ctx.op, {}, result);
};

/** The location's messages in a stable order, paged by an opaque cursor (the next offset). */
const exportMessages: Handler = (ctx) => {
	const q = ctx.query;
	const channelTypes = typeof q.channel === 'string' ? EXPORT_CHANNELS[q.channel] : undefined;
	const field = q.sortBy === 'updatedAt' ? 'dateUpdated' : 'dateAdded';
	const descending = q.sortOrder === 'desc';
	const from = typeof q.startDate === 'string' && q.startDate ? Date.parse(q.startDate) : undefined;
	const to = typeof q.endDate === 'string' && q.endDate ? Date.parse(q.endDate) : undefined;
	if (Number.isNaN(from) || Number.isNaN(to)) throw errors.badRequest('startDate and endDate must be ISO dates');
	const list = [...messages(ctx).values()]
		.filter((record) => record.locationId === q.locationId)
		// Without a channel, email is left out (GHL's export documents this).
		.filter((record) => (channelTypes ? channelTypes.includes(String(record.messageType)) : record.messageType !== 'TYPE_EMAIL'))
		.filter((record) => (q.conversationId ? record.conversationId === q.conversationId : true) && (q.contactId ? record.contactId === q.contactId : true))
		.filter((record) => {
			const at = Date.parse(String(record[field]));
			return (from === undefined || at >= from) && (to === undefined || at <= to);
		})
		.sort((a, b) => (Date.parse(String(a[field])) - Date.parse(String(b[field])) || a.id.localeCompare(b.id)) * (descending ? -1 : 1));
	let offset = 0;
	if (typeof q.cursor === 'string' && q.cursor) {
		offset = Number(Buffer.from(q.cursor, 'base64url').toString('utf8').replace(/^offset:/, ''));
		if (!Number.isInteger(offset) || offset < 0) throw errors.badRequest('cursor is not valid');
	}
	const limit = pageLimit(q.limit, 50);
	const page = list.slice(offset, offset + limit);
	const next = offset + limit < list.length ? Buffer.from(`offset:${offset + limit}`).toString('base64url') : undefined;
	return answer(ctx.op, { list: page, total: list.length }, next ? { nextCursor: next } : {});
};

const updateStatus: Handler = (ctx) => {
	const message = getMessage(ctx, ctx.params.messageId);
	message.status = ctx.body.status;
	if (ctx.body.error !== undefined) message.error = ctx.body.error;
	message.dateUpdated = nowIso();
	return answer(ctx.op, {}, { conversationId: message.conversationId, messageId: message.id, msg: 'Message status updated' });
};

const setAttachments: Handler = (ctx) => {
	const message = getMessage(ctx, ctx.params.messageId);
	const attachments = ctx.body.attachments as unknown[];
	if (attachments.length > MAX_ATTACHMENTS) throw errors.badRequest(`attachments must contain no more than ${MAX_ATTACHMENTS} elements`);
	message.attachments = attachments;
	message.dateUpdated = nowIso();
	return answer(ctx.op, {}, { success: true, messageId: message.id, attachments });
};

function fileUrl(ctx: HandlerContext, locationId: string, fileName: string): string {
	return `https://storage.sandbox.leadconnectorhq.com/${locationId}/${ctx.state.store.newRecordId()}/${encodeURIComponent(fileName)}`;
}

const uploadAttachments: Handler = (ctx) => {
	const conversation = namedConversation(ctx);
	const files = (ctx.files ?? []).filter((file) => file.fieldname === 'fileAttachment');
	if (!files.length) throw errors.badRequest('No file was sent under fileAttachment');
	for (const file of files) {
		const extension = file.originalname.split('.').pop()?.toLowerCase() ?? '';
		if (!UPLOAD_EXTENSIONS.has(extension)) throw errors.badRequest(`File type .${extension} is not allowed`);
	}
	const uploadedFiles = Object.fromEntries(files.map((file) => [file.originalname, fileUrl(ctx, String(conversation.locationId), file.originalname)]));
	return answer(ctx.op, {}, { uploadedFiles });
};

const initiateUpload: Handler = (ctx) => {
	namedConversation(ctx);
	const uploadId = ctx.state.store.newRecordId();
	const filePath = `${ctx.body.locationId}/${ctx.body.conversationId}/${uploadId}/${ctx.body.filename}`;
	ctx.state.store.collection(UPLOADS).set(uploadId, { id: uploadId, locationId: String(ctx.body.locationId), filePath, filename: ctx.body.filename, contentType: ctx.body.contentType });
	return answer(ctx.op, {}, {
		uploadUrl: `https://storage.sandbox.leadconnectorhq.com/upload/${uploadId}`,
		uploadId,
		filePath,
		expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
		maxFileSize: 5 * 1024 * 1024,
	});
};

const completeUpload: Handler = (ctx) => {
	const upload = ctx.state.store.collection(UPLOADS).get(String(ctx.body.uploadId));
	if (!upload || upload.filePath !== ctx.body.filePath || upload.locationId !== ctx.body.locationId) throw errors.badRequest('Upload not found');
	const url = `https://storage.sandbox.leadconnectorhq.com/${upload.filePath}`;
	return answer(ctx.op, {}, { uploadedFiles: { [String(ctx.body.filename)]: url }, metadata: { contentType: upload.contentType } });
};

function callMessage(ctx: HandlerContext): GenericRecord {
	const message = getMessage(ctx, ctx.params.messageId);
	if (message.locationId !== ctx.params.locationId) throw errors.notFound('Message not found');
	if (!CALL_TYPES.has(String(message.messageType)) || !message.recording) throw errors.notFound('No recording found for this message');
	return message;
}

/** A short, valid WAV file (silence) standing in for a call's recording. */
function silence(seconds: number): Buffer {
	const rate = 8000;
	const data = Buffer.alloc(rate * seconds);
	const header = Buffer.alloc(44);
	header.write('RIFF', 0);
	header.writeUInt32LE(36 + data.length, 4);
	header.write('WAVEfmt ', 8);
	header.writeUInt32LE(16, 16);
	header.writeUInt16LE(1, 20);
	header.writeUInt16LE(1, 22);
	header.writeUInt32LE(rate, 24);
	header.writeUInt32LE(rate, 28);
	header.writeUInt16LE(1, 32);
	header.writeUInt16LE(8, 34);
	header.write('data', 36);
	header.writeUInt32LE(data.length, 40);
	return Buffer.concat([header, data.fill(0x80)]);
}

const recording: Handler = (ctx) => {
	const message = callMessage(ctx);
	return { status: 200, body: silence(1), headers: { 'content-type': 'audio/x-wav', 'content-disposition': `attachment; filename=${message.id}.wav` } };
};

function sentences(message: GenericRecord): Array<Record<string, unknown>> {
	return [
		{ mediaChannel: 1, sentenceIndex: 0, startTime: 0, endTime: 1800, transcript: 'Hello, this is the sandbox calling.', confidence: 0.93 },
		{ mediaChannel: 2, sentenceIndex: 1, startTime: 1900, endTime: 3200, transcript: `Call ${message.id} transcript.`, confidence: 0.88 },
	];
}

const transcription: Handler = (ctx) => {
	const message = callMessage(ctx);
	// The spec's answer is one sentence object (the node also reads a list of them).
	return answer(ctx.op, {}, sentences(message)[0]);
};

const downloadTranscription: Handler = (ctx) => {
	const message = callMessage(ctx);
	const text = sentences(message)
		.map((sentence) => `[${Number(sentence.startTime) / 1000}s] channel ${String(sentence.mediaChannel)}: ${String(sentence.transcript)}`)
		.join('\n');
	return { status: 200, body: Buffer.from(`${text}\n`), headers: { 'content-type': 'text/plain', 'content-disposition': `attachment; filename=transcription-${message.id}.txt` } };
};

/** Per contact, email and subscription type: subscribed or unsubscribed, as changed through the API. */
const subscriptionChange: Handler = (ctx) => {
	const contact = contactFor(ctx, String(ctx.body.contactId));
	const action = ctx.body.subscription_action as Record<string, unknown>;
	if (action.type === 'custom' && !action.subtype_id) throw errors.badRequest('subscription_action.subtype_id is required for a custom type');
	if (action.type === 'default' && !action.subtype_name) throw errors.badRequest('subscription_action.subtype_name is required for a default type');
	const email = String(ctx.body.email).toLowerCase();
	const changed = action.type === 'resub_all'
		? [...ctx.state.store.collection(UNSUBSCRIPTIONS).values()].filter((record) => record.contactId === contact.id && record.email === email)
		: [{ id: `${contact.id}|${email}|${String(action.subtype_id ?? action.subtype_name)}`, subtype: action.subtype_id ?? action.subtype_name }];
	for (const entry of changed) {
		ctx.state.store.collection(UNSUBSCRIPTIONS).set(entry.id, {
			id: entry.id,
			locationId: contact.locationId,
			contactId: contact.id,
			email,
			subtype: (entry as GenericRecord).subtype,
			status: action.type === 'resub_all' ? 'subscribed' : String(action.subtype_status ?? 'unsubscribed'),
			...(ctx.body.legal_reason ? { legalReason: ctx.body.legal_reason } : {}),
			updatedAt: nowIso(),
		});
	}
	return { status: 200, body: { success: true, contactId: contact.id, email } };
};

const subscriptionStatus: Handler = (ctx) => {
	const contact = contactFor(ctx, String(ctx.query.contactId));
	const wanted = typeof ctx.query.email === 'string' ? ctx.query.email.toLowerCase() : undefined;
	const subscriptions = [...ctx.state.store.collection(UNSUBSCRIPTIONS).values()]
		.filter((record) => record.contactId === contact.id && (wanted === undefined || record.email === wanted))
		.map((record) => ({ email: record.email, subtype: record.subtype, status: record.status, updatedAt: record.updatedAt }));
	return { status: 200, body: { contactId: contact.id, subscriptions } };
};

export const conversationHandlers: Record<string, Handler> = {
	'create-conversation': createConversation,
	'search-conversation': searchConversations,
	'get-conversation': getConversationHandler,
	'update-conversation': updateConversation,
	'delete-conversation': deleteConversation,
	'send-a-new-message': sendMessage,
	'add-an-inbound-message': addInbound,
	'add-an-outbound-message': addOutbound,
	'send-review-reply': reviewReply,
	'get-message': getMessageHandler,
	'get-email-by-id': getEmail,
	'cancel-scheduled-message': cancelScheduledMessage,
	'cancel-scheduled-email-message': cancelScheduledEmail,
	'get-messages': getMessages,
	'export-messages-by-location': exportMessages,
	'update-message-status': updateStatus,
	'add-message-attachments': setAttachments,
	'upload-file-attachments': uploadAttachments,
	'initiate-file-upload': initiateUpload,
	'complete-file-upload': completeUpload,
	'get-message-recording': recording,
	'get-message-transcription': transcription,
	'download-message-transcription': downloadTranscription,
	'user-subscription-change': subscriptionChange,
	'get-contact-unsubscription-status': subscriptionStatus,
};
